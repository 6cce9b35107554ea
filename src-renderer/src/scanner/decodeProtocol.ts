import type { DecodeEffort, DecodeReport, RgbaImage } from '../../../src-shared/decode'

export interface DecodeRequest {
  id: number
  image: RgbaImage
  effort: DecodeEffort
}

export interface DecodeResponse {
  id: number
  /** Every symbol the frame held, with its evidence, and the confirmed one chosen (null on an error). */
  report: DecodeReport | null
  error?: string
}
