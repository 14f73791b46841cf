import { GlossError } from '../../shared/api.js';

export function notFound(what: string, id: number): GlossError {
  return new GlossError('not_found', `There is no ${what} with id ${id}.`);
}

export function conflict(message: string): GlossError {
  return new GlossError('conflict', message);
}

export function invalid(message: string): GlossError {
  return new GlossError('invalid_argument', message);
}

/** Returns the value, or throws not_found for a missing row. */
export function found<T>(value: T | undefined | null, what: string, id: number): T {
  if (value === undefined || value === null) throw notFound(what, id);
  return value;
}
