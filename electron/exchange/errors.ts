// A refusal of an exchange file: the message names the problem in the analyst's words. The API handler turns it
// into a GlossError, so nothing else crosses the API.
export class ExchangeError extends Error {
  override name = 'ExchangeError';
}

export function refuse(message: string): never {
  throw new ExchangeError(message);
}
