// Schema 12: team coding in one project. Who "I" am (the current coder, whose passages new highlights become) is a
// logged row, so switching coder is undoable like any edit; each decision settling a disagreement between two
// coders is kept (who decided, when, why, what each side had and what both have now), also logged.
import { oplogTriggers } from './oplogTriggers.js';

const now = "(strftime('%Y-%m-%dT%H:%M:%fZ','now'))";

export const LOGGED_TABLES_V12: Record<string, string[]> = {
  current_coder: ['id', 'coder_id'],
  agreement_decisions: [
    'id',
    'document_id',
    'start_offset',
    'end_offset',
    'coder_a',
    'coder_b',
    'kind',
    'choice',
    'tag_ids',
    'sides',
    'result',
    'reason',
    'decided_by',
    'decided_at',
  ],
};

export const migration012 = `
-- One row at most: the coder this copy of Gloss codes as (falls back to meta 'coders.default' when absent).
CREATE TABLE current_coder (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  coder_id INTEGER REFERENCES coders(id) ON DELETE SET NULL
);

CREATE TABLE agreement_decisions (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  coder_a INTEGER REFERENCES coders(id) ON DELETE SET NULL,
  coder_b INTEGER REFERENCES coders(id) ON DELETE SET NULL,
  kind TEXT NOT NULL CHECK (kind IN ('only-a', 'only-b', 'tags', 'boundaries')),
  choice TEXT NOT NULL CHECK (choice IN ('a', 'b', 'both', 'neither', 'merged')),
  -- JSON: the tags compared; what each side had ({a: [...], b: [...]}); the passages both have after the decision.
  tag_ids TEXT NOT NULL,
  sides TEXT NOT NULL,
  result TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  decided_by INTEGER REFERENCES coders(id) ON DELETE SET NULL,
  decided_at TEXT NOT NULL DEFAULT ${now}
);
CREATE INDEX agreement_decisions_document ON agreement_decisions(document_id, start_offset);

${Object.entries(LOGGED_TABLES_V12)
  .map(([table, columns]) => oplogTriggers(table, columns))
  .join('\n')}
`;
