/**
 * A Zebra's answer to ~HS (host status): three STX … ETX CR LF strings of comma-separated fields. The station
 * reads what stops a job (paper out, paused, head open, ribbon out, buffer full) and the label length the
 * printer measured when it calibrated, to compare with the template's.
 */
export interface ZebraStatus {
  paperOut: boolean
  paused: boolean
  headOpen: boolean
  ribbonOut: boolean
  bufferFull: boolean
  /** The label length in dots, as the printer measured it. */
  labelLengthDots: number
  /** Labels still to print from earlier jobs. */
  labelsRemaining: number
}

export const HOST_STATUS_QUERY = '~HS'

/** The three framed strings once all have arrived; null while some are still missing. */
export function hostStatusStrings(bytes: Buffer): string[] | null {
  const text = bytes.toString('latin1')
  // eslint-disable-next-line no-control-regex -- STX and ETX frame each string: matching them is the point
  const strings = [...text.matchAll(/\x02([^\x02\x03]*)\x03/g)].map((m) => m[1]!)
  return strings.length >= 3 ? strings.slice(0, 3) : null
}

export class HostStatusError extends Error {}

/** Parses a complete ~HS reply; throws HostStatusError when it is not one. */
export function parseHostStatus(bytes: Buffer): ZebraStatus {
  const strings = hostStatusStrings(bytes)
  if (!strings) throw new HostStatusError('The printer’s answer to ~HS is not three STX…ETX strings')
  const one = strings[0]!.split(',').map((f) => f.trim())
  const two = strings[1]!.split(',').map((f) => f.trim())
  if (one.length < 12 || two.length < 11) {
    throw new HostStatusError(`The printer’s ~HS answer has ${one.length} and ${two.length} fields, not 12 and 11`)
  }
  const flag = (f: string | undefined): boolean => f === '1'
  const int = (f: string | undefined): number => {
    const n = Number.parseInt(f ?? '', 10)
    if (!Number.isFinite(n)) throw new HostStatusError(`The printer’s ~HS answer has "${f}" where a number belongs`)
    return n
  }
  return {
    paperOut: flag(one[1]),
    paused: flag(one[2]),
    labelLengthDots: int(one[3]),
    bufferFull: flag(one[5]),
    headOpen: flag(two[2]),
    ribbonOut: flag(two[3]),
    labelsRemaining: int(two[8]),
  }
}

/** What stops a job, in words a person at the desk acts on. */
export function zebraProblems(s: ZebraStatus): string[] {
  return [
    s.paperOut && 'paper out: load labels',
    s.headOpen && 'print head open: close it',
    s.ribbonOut && 'ribbon out: load a ribbon',
    s.paused && 'paused: press the pause button to resume',
    s.bufferFull && 'receive buffer full: wait for the printer to finish',
  ].filter((p): p is string => Boolean(p))
}
