// The one error type that crosses the API: a code a program can switch on and a message a person can read.
import type { ChangeSet } from './types.js';

export type ErrorCode =
  | 'invalid_argument'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unknown_operation'
  | 'internal'
  /** The team server refused a token, or a role may not do what was asked. */
  | 'unauthorized'
  | 'forbidden'
  /** The team server could not be reached: the edit waits in the outbox. */
  | 'unavailable';

/** Error shape both transports return; the client turns it back into a GlossError. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
}

/** A successful write also says what it changed, so the renderer's store can patch exactly that. */
export type CallResponse<R = unknown> = { ok: true; result: R; changes?: ChangeSet } | { ok: false; error: ErrorBody };

export class GlossError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'GlossError';
  }
}
