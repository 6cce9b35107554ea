/** The printer choices the settings screen offers, kept free of zod so the renderer can import them. */

/** Brother QL models whose raster lines are 90 bytes (720 dots) wide. */
export const brotherModels = ['QL-700', 'QL-710W', 'QL-720NW', 'QL-800', 'QL-810W', 'QL-820NWB'] as const

/** Brother DK media the station knows: continuous tape by width, die-cut labels by width × length (mm). */
export const brotherMedia = ['29', '38', '50', '62', '29x90', '38x90', '62x29', '62x100'] as const
