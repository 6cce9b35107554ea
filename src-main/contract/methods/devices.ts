/** Scanner devices: their status, and the keyboard-wedge layout calibration. */
import { z } from 'zod'
import type { DeviceStatus, WedgeCalibrationView } from '../domain'
import { returns, type MethodSpec } from './define'

export const deviceMethods = {
  /** Latest status of every scanner device main knows about. */
  devices: { input: z.strictObject({}), output: returns<DeviceStatus[]>() },
  /** Keyboard-layout calibration: arm it (admin), then scan the printed test label; poll its status. */
  calibrateWedge: {
    input: z.strictObject({ action: z.enum(['start', 'cancel', 'status']) }),
    output: returns<WedgeCalibrationView>(),
  },
} satisfies Record<string, MethodSpec>
