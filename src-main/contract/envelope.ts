/** How every reply crosses the IPC line: a value, or a typed error that never carries a stack trace. */

export type ErrorCode = 'invalid_argument' | 'not_found' | 'conflict' | 'unknown_method' | 'forbidden' | 'internal'

export interface ContractError {
  code: ErrorCode
  message: string
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ContractError }
