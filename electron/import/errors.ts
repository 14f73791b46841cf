/** A file Gloss will not import, with a reason a person can act on; the message names the file. */
export class ImportError extends Error {
  override name = 'ImportError';
}
