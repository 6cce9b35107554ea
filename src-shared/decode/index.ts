export type { DecodeResult, RgbaImage, BarcodeFormatName } from './types'
export { decodeImage, decodeQuaggaOnly, decodeZxingOnly, type DecodeEffort, type PipelineOptions } from './pipeline'
export { configureZxing } from './zxing'
export { centreRect, cropRgba, type Rect } from './image'
