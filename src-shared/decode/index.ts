export type { DecodeResult, RgbaImage, BarcodeFormatName } from './types'
export {
  decodeImage,
  decodeSymbols,
  decodeQuaggaOnly,
  decodeZxingOnly,
  type DecodeEffort,
  type DecodeReport,
  type PipelineOptions,
} from './pipeline'
export { configureZxing } from './zxing'
export { centreRect, cropRgba, type Rect } from './image'
export { LiveScanner, liveQuaggaPass, type LiveOptions, type LiveScanResult } from './live'
