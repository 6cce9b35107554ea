/**
 * The demo inventory a new station starts with: a small electronics workshop with real part numbers, real
 * supplier SKU shapes and open purchase orders, so that supplier labels from DigiKey, Mouser, LCSC and TME can be
 * scanned on day one.
 */

/** [category path, IPN, name, description, manufacturer, MPN, units] */
export type DemoPart = [string, string, string, string, string, string, string]

export const demoParts: DemoPart[] = [
  ['Passives/Resistors', 'R-0805-10K', 'Resistor 10kΩ 0805', '10 kΩ ±1% 1/8 W thick film, 0805', 'Yageo', 'RC0805FR-0710KL', 'pcs'],
  ['Passives/Resistors', 'R-0805-1K', 'Resistor 1kΩ 0805', '1 kΩ ±1% 1/8 W thick film, 0805', 'Yageo', 'RC0805FR-071KL', 'pcs'],
  ['Passives/Resistors', 'R-0805-100R', 'Resistor 100Ω 0805', '100 Ω ±1% 1/8 W thick film, 0805', 'Yageo', 'RC0805FR-07100RL', 'pcs'],
  ['Passives/Resistors', 'R-0805-4K7', 'Resistor 4.7kΩ 0805', '4.7 kΩ ±1% 1/8 W, I²C pull-up', 'Yageo', 'RC0805FR-074K7L', 'pcs'],
  ['Passives/Resistors', 'R-0603-10K', 'Resistor 10kΩ 0603', '10 kΩ ±1% 1/10 W, 0603', 'Vishay', 'CRCW060310K0FKEA', 'pcs'],
  ['Passives/Resistors', 'R-0603-470R', 'Resistor 470Ω 0603', '470 Ω ±1% 1/10 W, LED series', 'Vishay', 'CRCW0603470RFKEA', 'pcs'],
  ['Passives/Resistors', 'R-1206-0R1', 'Shunt 0.1Ω 1206', '100 mΩ ±1% 0.25 W current sense', 'Vishay', 'WSL1206R1000FEA', 'pcs'],
  ['Passives/Resistors', 'R-TH-220R', 'Resistor 220Ω THT', '220 Ω ±5% 1/4 W carbon film, axial', 'Stackpole', 'CF14JT220R', 'pcs'],
  ['Passives/Capacitors', 'C-0805-100N', 'Capacitor 100nF 0805', '100 nF 50 V X7R MLCC, 0805', 'Samsung', 'CL21B104KBCNNNC', 'pcs'],
  ['Passives/Capacitors', 'C-0805-10U', 'Capacitor 10µF 0805', '10 µF 25 V X5R MLCC, 0805', 'Samsung', 'CL21A106KAYNNNE', 'pcs'],
  ['Passives/Capacitors', 'C-0603-1U', 'Capacitor 1µF 0603', '1 µF 25 V X5R MLCC, 0603', 'Murata', 'GRM188R61E105KA12D', 'pcs'],
  ['Passives/Capacitors', 'C-0603-22P', 'Capacitor 22pF 0603', '22 pF 50 V C0G MLCC, crystal load', 'Murata', 'GRM1885C1H220JA01D', 'pcs'],
  ['Passives/Capacitors', 'C-0402-100N', 'Capacitor 100nF 0402', '100 nF 16 V X7R MLCC, 0402', 'Murata', 'GRM155R71C104KA88D', 'pcs'],
  ['Passives/Capacitors', 'C-EL-100U-25V', 'Electrolytic 100µF 25V', '100 µF 25 V aluminium electrolytic, SMD 6.3 mm', 'Panasonic', 'EEE-FK1E101P', 'pcs'],
  ['Passives/Capacitors', 'C-EL-470U-16V', 'Electrolytic 470µF 16V', '470 µF 16 V radial, 8 × 11.5 mm', 'Nichicon', 'UVR1C471MPD', 'pcs'],
  ['Passives/Capacitors', 'C-TA-47U', 'Tantalum 47µF 16V', '47 µF 16 V tantalum, case D', 'KEMET', 'T491D476K016AT', 'pcs'],
  ['Passives/Inductors', 'L-SRR1260-10U', 'Inductor 10µH 5.6A', '10 µH shielded power inductor, 12 × 12 mm', 'Bourns', 'SRR1260-100M', 'pcs'],
  ['Passives/Inductors', 'L-FB-0805-220R', 'Ferrite bead 220Ω 0805', '220 Ω @ 100 MHz, 2 A', 'Murata', 'BLM21PG221SN1D', 'pcs'],
  ['Semiconductors/Microcontrollers', 'IC-ATMEGA328P', 'ATmega328P TQFP-32', '8-bit AVR, 32 KB flash, 20 MHz', 'Microchip', 'ATMEGA328P-AU', 'pcs'],
  ['Semiconductors/Microcontrollers', 'IC-STM32F103C8', 'STM32F103C8T6', 'Cortex-M3, 64 KB flash, LQFP-48', 'STMicroelectronics', 'STM32F103C8T6', 'pcs'],
  ['Semiconductors/Microcontrollers', 'IC-RP2040', 'RP2040', 'Dual Cortex-M0+, 264 KB SRAM, QFN-56', 'Raspberry Pi', 'RP2040', 'pcs'],
  ['Semiconductors/Microcontrollers', 'IC-ESP32-WROOM', 'ESP32-WROOM-32E module', 'Wi-Fi + BLE module, 4 MB flash', 'Espressif', 'ESP32-WROOM-32E-N4', 'pcs'],
  ['Semiconductors/Microcontrollers', 'IC-ATTINY85', 'ATtiny85 SOIC-8', '8-bit AVR, 8 KB flash', 'Microchip', 'ATTINY85-20SU', 'pcs'],
  ['Semiconductors/Analog', 'IC-LM358', 'LM358 dual op-amp', 'Dual op-amp, SOIC-8', 'Texas Instruments', 'LM358DR', 'pcs'],
  ['Semiconductors/Analog', 'IC-MCP6002', 'MCP6002 rail-to-rail op-amp', 'Dual 1 MHz RRIO op-amp, SOIC-8', 'Microchip', 'MCP6002-I/SN', 'pcs'],
  ['Semiconductors/Analog', 'IC-TL072', 'TL072 JFET op-amp', 'Dual low-noise JFET op-amp, SOIC-8', 'Texas Instruments', 'TL072CDR', 'pcs'],
  ['Semiconductors/Analog', 'IC-NE555', 'NE555 timer', 'Precision timer, DIP-8', 'Texas Instruments', 'NE555P', 'pcs'],
  ['Semiconductors/Power', 'IC-AMS1117-3V3', 'AMS1117 3.3V LDO', '1 A LDO regulator, SOT-223', 'Advanced Monolithic Systems', 'AMS1117-3.3', 'pcs'],
  ['Semiconductors/Power', 'IC-L7805', 'L7805 5V regulator', '1.5 A linear regulator, TO-220', 'STMicroelectronics', 'L7805CV', 'pcs'],
  ['Semiconductors/Power', 'IC-AP2112K-3V3', 'AP2112K 3.3V LDO', '600 mA LDO, SOT-23-5', 'Diodes Incorporated', 'AP2112K-3.3TRG1', 'pcs'],
  ['Semiconductors/Power', 'IC-TPS54331', 'TPS54331 buck converter', '3.5–28 V in, 3 A step-down, SOIC-8', 'Texas Instruments', 'TPS54331DR', 'pcs'],
  ['Semiconductors/Interface', 'IC-CH340G', 'CH340G USB-UART', 'USB to serial bridge, SOIC-16', 'WCH', 'CH340G', 'pcs'],
  ['Semiconductors/Interface', 'IC-MAX3232', 'MAX3232 RS-232', 'RS-232 transceiver 3–5.5 V, SOIC-16', 'Texas Instruments', 'MAX3232ECDR', 'pcs'],
  ['Semiconductors/Interface', 'IC-SN65HVD230', 'SN65HVD230 CAN', '3.3 V CAN transceiver, SOIC-8', 'Texas Instruments', 'SN65HVD230DR', 'pcs'],
  ['Semiconductors/Memory', 'IC-W25Q32', 'W25Q32 SPI flash', '32 Mbit SPI NOR flash, SOIC-8', 'Winbond', 'W25Q32JVSSIQ', 'pcs'],
  ['Semiconductors/Memory', 'IC-24LC256', '24LC256 EEPROM', '256 Kbit I²C EEPROM, SOIC-8', 'Microchip', '24LC256-I/SN', 'pcs'],
  ['Semiconductors/Discretes', 'D-1N4148W', '1N4148W signal diode', '100 V 150 mA switching diode, SOD-123', 'Diodes Incorporated', '1N4148W-7-F', 'pcs'],
  ['Semiconductors/Discretes', 'D-SS34', 'SS34 Schottky', '40 V 3 A Schottky, SMA', 'Vishay', 'SS34-E3/57T', 'pcs'],
  ['Semiconductors/Discretes', 'D-SMBJ5V0A', 'SMBJ5.0A TVS', '5 V 600 W TVS diode, SMB', 'Littelfuse', 'SMBJ5.0A', 'pcs'],
  ['Semiconductors/Discretes', 'D-BAT54S', 'BAT54S dual Schottky', '30 V series dual Schottky, SOT-23', 'Nexperia', 'BAT54S,215', 'pcs'],
  ['Semiconductors/Discretes', 'Q-2N7002', '2N7002 N-MOSFET', '60 V 300 mA N-channel, SOT-23', 'Nexperia', '2N7002,215', 'pcs'],
  ['Semiconductors/Discretes', 'Q-AO3400A', 'AO3400A N-MOSFET', '30 V 5.7 A N-channel logic level, SOT-23', 'Alpha & Omega', 'AO3400A', 'pcs'],
  ['Semiconductors/Discretes', 'Q-MMBT3904', 'MMBT3904 NPN', '40 V 200 mA NPN, SOT-23', 'onsemi', 'MMBT3904LT1G', 'pcs'],
  ['Semiconductors/Discretes', 'Q-IRLZ44N', 'IRLZ44N N-MOSFET', '55 V 47 A logic level, TO-220', 'Infineon', 'IRLZ44NPBF', 'pcs'],
  ['Optoelectronics', 'LED-0805-RED', 'LED red 0805', 'Red 625 nm LED, 0805', 'Kingbright', 'APT2012SECK', 'pcs'],
  ['Optoelectronics', 'LED-0805-GRN', 'LED green 0805', 'Green 568 nm LED, 0805', 'Kingbright', 'APT2012CGCK', 'pcs'],
  ['Optoelectronics', 'LED-WS2812B', 'WS2812B RGB LED', 'Addressable RGB LED, 5050', 'Worldsemi', 'WS2812B', 'pcs'],
  ['Frequency control', 'Y-16MHZ', 'Crystal 16 MHz', '16 MHz 18 pF crystal, 5 × 3.2 mm', 'Abracon', 'ABM3-16.000MHZ-D2Y-T', 'pcs'],
  ['Frequency control', 'Y-32K768', 'Crystal 32.768 kHz', '32.768 kHz 12.5 pF tuning fork, 3.2 × 1.5 mm', 'Epson', 'FC-135 32.7680KA-A3', 'pcs'],
  ['Electromechanical/Connectors', 'J-USB-C-16P', 'USB-C receptacle 16 pin', 'USB 2.0 Type-C receptacle, SMT', 'GCT', 'USB4105-GF-A', 'pcs'],
  ['Electromechanical/Connectors', 'J-HDR-1X40', 'Pin header 1×40 2.54 mm', 'Breakaway male header, 40 way', 'Würth Elektronik', '61304011121', 'pcs'],
  ['Electromechanical/Connectors', 'J-JST-PH-2', 'JST PH 2-pin header', 'PH 2.0 mm top entry, 2 way', 'JST', 'B2B-PH-K-S(LF)(SN)', 'pcs'],
  ['Electromechanical/Connectors', 'J-TERM-2P-5MM', 'Terminal block 2-pin 5.08 mm', 'PCB terminal block, 2 way, 16 A', 'Phoenix Contact', '1935161', 'pcs'],
  ['Electromechanical/Switches', 'SW-TACT-6X6', 'Tactile switch 6×6 mm', 'SMT tactile switch 4.3 mm, 160 gf', 'C&K', 'PTS645SM43SMTR92 LFS', 'pcs'],
  ['Electromechanical/Relays', 'K-G5V-1-5V', 'Relay 5 V SPDT', 'Signal relay 1 A, 5 V coil', 'Omron', 'G5V-1-DC5', 'pcs'],
  ['Sensors', 'U-BME280', 'BME280 environmental sensor', 'Humidity, pressure, temperature, LGA-8', 'Bosch Sensortec', 'BME280', 'pcs'],
  ['Sensors', 'U-TMP117', 'TMP117 temperature sensor', '±0.1 °C digital temperature sensor, WSON-6', 'Texas Instruments', 'TMP117AIDRVR', 'pcs'],
  ['Consumables', 'CON-SAC305-05', 'Solder wire SAC305 0.5 mm', 'Lead-free solder wire, no-clean flux core', 'Kester', '24-7068-7601', 'g'],
  ['Consumables', 'CON-WIRE-22-RED', 'Hook-up wire 22 AWG red', 'Stranded PVC hook-up wire, 22 AWG', 'Alpha Wire', '3051 RD005', 'm'],
  ['Hardware', 'HW-M3X10-SHCS', 'Screw M3×10 socket head', 'ISO 4762 A2 stainless socket cap screw', 'Bossard', 'BN610-M3X10', 'pcs'],
]

/** Mouser prefixes its SKUs with a per-manufacturer number. */
export const mouserPrefix: Record<string, string> = {
  Yageo: '603', Vishay: '71', Stackpole: '708', Samsung: '187', Murata: '81', Panasonic: '667', Nichicon: '647',
  KEMET: '80', Bourns: '652', Microchip: '579', STMicroelectronics: '511', 'Raspberry Pi': '358', Espressif: '356',
  'Texas Instruments': '595', 'Diodes Incorporated': '621', WCH: '434', Winbond: '454', Littelfuse: '576',
  Nexperia: '771', 'Alpha & Omega': '785', onsemi: '863', Infineon: '942', Kingbright: '604', Worldsemi: '485',
  Abracon: '815', Epson: '732', GCT: '640', 'Würth Elektronik': '710', JST: '306', 'Phoenix Contact': '651',
  'C&K': '611', Omron: '653', 'Bosch Sensortec': '262', Kester: '533', 'Alpha Wire': '602',
  'Advanced Monolithic Systems': '915', Bossard: '998',
}

/** DigiKey's own numeric prefixes for a few manufacturers; others get a made-up but well-formed one. */
export const digikeyPrefix: Record<string, string> = {
  Yageo: '311', 'Texas Instruments': '296', Microchip: '150', STMicroelectronics: '497', Murata: '490',
  Samsung: '1276', Vishay: '541', Nexperia: '1727', onsemi: 'MMBT3904LT1GOS', Kingbright: '754', Bourns: 'SRR1260',
}

/**
 * Location tree: [name, description, parent index or -1, structural]. Index 0 becomes stock location 1, so the
 * first barcode a new user scans from the docs (`INV-SL1`) is the site itself.
 */
export const demoLocations: [string, string, number, boolean][] = [
  ['Main Site', 'Workshop building, 12 Mill Lane', -1, true], // 1
  ['Goods In', 'Receiving desk and inspection', 0, true], // 2
  ['Receiving Bench', 'Where deliveries are unpacked and scanned', 1, false], // 3
  ['Quarantine', 'Held for inspection or return', 1, false], // 4
  ['Stores', 'Component store room', 0, true], // 5
  ['Shelf A', 'Passives', 4, true], // 6
  ['Shelf B', 'Semiconductors', 4, true], // 7
  ['Shelf C', 'Electromechanical and hardware', 4, true], // 8
  ['Workshop', 'Assembly and test', 0, true], // 9
  ['Line-side Rack', 'Kanban bins beside the pick-and-place', 8, false], // 10
  ['Overflow Warehouse', 'Unit 4, Riverside Estate', -1, true], // 11
  ['Pallet Rack', 'Full reels and bulk packs', 10, true], // 12
]

/** Bins added under each shelf: shelf index → bin name prefix and count. */
export const demoBins: [number, string, number][] = [
  [5, 'Bin A', 8],
  [6, 'Bin B', 10],
  [7, 'Bin C', 6],
  [11, 'Bay', 4],
]

export const demoSuppliers = [
  { name: 'DigiKey', website: 'https://www.digikey.com' },
  { name: 'Mouser', website: 'https://www.mouser.com' },
  { name: 'LCSC', website: 'https://www.lcsc.com' },
  { name: 'TME', website: 'https://www.tme.eu' },
] as const

export const demoOperators: [string, string, 'operator' | 'admin'][] = [
  ['Alex Receiving', 'OP-1001', 'operator'],
  ['Sam Stores', 'OP-1002', 'operator'],
  ['Admin', 'OP-9000', 'admin'],
]
