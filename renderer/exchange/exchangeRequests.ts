// A .qdpx or .qdc dropped on the library goes to the REFI-QDA importer (which shows its report), not to the
// document importer.
const listeners = new Set<(file: File) => void>();

export const EXCHANGE_FILE = /\.(qdpx|qdc)$/i;

export function requestExchangeImport(file: File): void {
  listeners.forEach((l) => l(file));
}

export function onExchangeImport(listener: (file: File) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
