/** Scanner devices: their status, and the keyboard-wedge layout calibration. */
import { z } from 'zod'
import type { DeviceStatus, SerialPortChoice, WedgeCalibrationView } from '../domain'
import { returns, type MethodSpec } from './define'

export const deviceMethods = {
  /** Latest status of every scanner device main knows about. */
  devices: { input: z.strictObject({}), output: returns<DeviceStatus[]>() },
  /** Keyboard-layout calibration: arm it (admin), then scan the printed test label; poll its status. */
  calibrateWedge: {
    input: z.strictObject({ action: z.enum(['start', 'cancel', 'status']) }),
    output: returns<WedgeCalibrationView>(),
  },
  /** The computer's serial ports, to choose a serial scanner's port from. */
  serialPorts: { input: z.strictObject({}), output: returns<SerialPortChoice[]>() },
} satisfies Record<string, MethodSpec>
