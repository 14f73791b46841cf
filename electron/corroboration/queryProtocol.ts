// Messages between the backend and the corroboration worker (queryWorker.ts).
export type QueryRequest = { id: number } & QueryKind;

export type QueryKind =
  | { kind: 'counts'; highlightIds: number[] }
  | { kind: 'span'; documentId: number; start: number; end: number }
  | { kind: 'document'; documentId: number }
  | { kind: 'claims'; collectionId?: number }
  /** Documents the index is missing (at most `limit`), with their sentences computed. */
  | { kind: 'missing'; limit: number };

export type QueryReply = { id: number } & ({ ok: true; result: unknown } | { ok: false; message: string });
