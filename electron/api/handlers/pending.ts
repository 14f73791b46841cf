import { GlossError, type OpName } from '../../../shared/api.js';

/** Placeholder for an operation whose issue is still open; replaced by the real handler. */
export function pending(op: OpName): () => never {
  return () => { throw new GlossError('internal', `${op} is not available yet.`); };
}
