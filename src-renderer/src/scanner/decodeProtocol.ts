import type { DecodeEffort, DecodeResult, RgbaImage } from '../../../src-shared/decode'

export interface DecodeRequest {
  id: number
  image: RgbaImage
  effort: DecodeEffort
}

export interface DecodeResponse {
  id: number
  result: DecodeResult | null
  error?: string
}
