/** Every station setting with the zod schema of its value: what `setSettings` accepts and the store keeps. */
import { z } from 'zod'
import { PrinterConfigSchema } from './printers'

/** Every station setting with the schema of its value (InvenTree's barcode panel, and the station's own). */
export const settingSchemas = {
  /** Barcode support on/off (BARCODE_ENABLE). */
  'barcode.enabled': z.boolean(),
  /** Longest pause between a scanner's keystrokes, in ms (BARCODE_INPUT_DELAY); the wedge detector uses it. */
  'barcode.inputDelay': z.number().int().min(5).max(500),
  /** Webcam scanning offered in the UI (BARCODE_WEBCAM_SUPPORT). */
  'barcode.webcam': z.boolean(),
  /** Print the barcode's text under it (BARCODE_SHOW_TEXT). */
  'barcode.showText': z.boolean(),
  /** Plugin that generates the barcodes printed on labels (BARCODE_GENERATION_PLUGIN). */
  'barcode.generationPlugin': z.string().min(1).max(100),
  /** Prefix of short-form internal barcodes. */
  'barcode.prefix': z
    .string()
    .max(20)
    .regex(/^[^\s{}"]*$/, 'no spaces, braces or quotes'),
  /** Which internal form labels and QR codes show. */
  'barcode.form': z.enum(['json', 'short']),
  /** Keep a history row per scan (BARCODE_STORE_RESULTS). */
  'history.store': z.boolean(),
  /** Most history rows kept, oldest pruned first; 0 keeps everything (BARCODE_RESULTS_MAX_NUM). */
  'history.maxResults': z.number().int().min(0).max(1_000_000_000),
  /** Who may export the whole scan history as CSV: the admin only, any signed-in operator, or anyone at the desk. */
  'history.exportBy': z.enum(['admin', 'operators', 'anyone']),
  /** Plugins an admin switched off, by name. */
  'plugins.disabled': z.array(z.string().max(100)).max(200),
  /** Plugin order chosen by an admin; plugins not listed keep their default place after these. */
  'plugins.order': z.array(z.string().max(100)).max(200),
  /**
   * The company each supplier plugin matches parts of, by plugin name (InvenTree's SUPPLIER_ID); a plugin not
   * listed, or set to 0, uses the supplier company with its supplier's name.
   */
  'suppliers.companies': z
    .record(z.string().max(100), z.number().int().min(0).max(Number.MAX_SAFE_INTEGER))
    .refine((companies) => Object.keys(companies).length <= 200, 'at most 200 plugins'),
  /** Keyboard-wedge scanners: listen to the window's keys and tell scans from typing. */
  'scanner.wedge.enabled': z.boolean(),
  /** 'slow' also recognises 80–100 ms-per-key scanners (some Zebra models), by the regularity of their keys. */
  'scanner.wedge.preset': z.enum(['standard', 'slow']),
  /** Fewest characters in a scan. */
  'scanner.wedge.minLength': z.number().int().min(1).max(100),
  /** Only bursts ended by Enter or Tab are scans. */
  'scanner.wedge.requireTerminator': z.boolean(),
  /** Characters the scanner is set to send before / after each scan (stripped). */
  'scanner.wedge.prefix': z.string().max(10),
  'scanner.wedge.suffix': z.string().max(10),
  /** The keyboard layout the scanner types in (found by the calibration page). */
  'scanner.wedge.layout': z.enum(['us', 'uk', 'de', 'fr', 'host']),
  /** A USB-CDC / RS-232 scanner. */
  'scanner.serial.enabled': z.boolean(),
  'scanner.serial.path': z.string().max(200),
  'scanner.serial.baudRate': z.number().int().min(300).max(921_600),
  'scanner.serial.terminator': z.enum(['CR', 'LF', 'CRLF', 'ANY']),
  /** HID POS scanners (usage page 0x8C). */
  'scanner.hid.enabled': z.boolean(),
  /** Every operator signs in with a PIN too, not only the admin. */
  'security.operatorPins': z.boolean(),
  /** An admin left idle this many minutes is signed out; 0 never. */
  'security.adminIdleMinutes': z.number().int().min(0).max(720),
  /** Copy the database into the backups folder once a day (the copy before each migration is always made). */
  'backup.daily': z.boolean(),
  /** Backups kept in the backups folder; the oldest beyond this are deleted when a new one is made. */
  'backup.keep': z.number().int().min(1).max(365),
  /** The desk's label printer: the system printer, a Zebra (ZPL over TCP or a raw CUPS queue) or a Brother QL. */
  'printer.desk': PrinterConfigSchema,
  /** Each bag's label printed on the desk's printer as its receipt is committed. */
  'receiving.printOnCommit': z.boolean(),
  /** The label template those labels use; '' the default template for stock items. */
  'receiving.labelTemplate': z.string().max(100),
  /** This desk's name, written into every history row and stock action so an admin can tell desks apart. */
  'desk.name': z.string().trim().min(1, 'give the desk a name').max(60),
  /** Where this desk receives into by default (a stock location's pk); 0 for none. */
  'desk.location': z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  /** Desk mode: full screen kiosk, no menu, leaving needs the admin PIN (also the --kiosk switch). */
  'desk.kiosk': z.boolean(),
  /** Start the station when the desk's user logs in. */
  'desk.startAtLogin': z.boolean(),
  /** Look for updates at the feed below (off by default: a desk is updated when its admin chooses). */
  'update.enabled': z.boolean(),
  /** The update feed: an https folder holding electron-builder's latest*.yml and the installers. */
  'update.feedUrl': z.union([z.literal(''), z.url({ protocol: /^https$/ }).max(500)]),
  /** Sounds for scan results. */
  'feedback.mute': z.boolean(),
  /** Loudness of the scan tones, 0–100 (100 is the loudest the desk's speaker gets from a tone). */
  'feedback.volume': z.number().int().min(0).max(100),
} as const

export type SettingKey = keyof typeof settingSchemas
export type SettingsValues = { [K in SettingKey]: z.output<(typeof settingSchemas)[K]> }
