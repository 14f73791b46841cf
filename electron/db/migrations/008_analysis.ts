// Schema 8: analysis. Attribute definitions: the typed variables of a project (text, number, date, yes/no,
// one-of-a-list), whose values per document stay in `document_attributes` (schema 4, where REFI-QDA import puts
// them). The definition's `type` is the REFI-QDA variable type its values are written as; `choices` (a JSON array)
// makes a Text variable one-of-a-list. Projects imported before schema 7 get a definition per attribute name.
import { oplogTriggers } from './oplogTriggers.js';

const now = "(strftime('%Y-%m-%dT%H:%M:%fZ','now'))";

export const LOGGED_TABLES_V8: Record<string, string[]> = {
  attribute_definitions: ['id', 'name', 'type', 'choices', 'position', 'created_at'],
};

export const migration008 = `
CREATE TABLE attribute_definitions (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  type TEXT NOT NULL CHECK (type IN ('Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime')),
  choices TEXT CHECK (choices IS NULL OR (json_valid(choices) AND json_type(choices) = 'array')),
  position INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT ${now}
);

-- Filters ask "which documents have this value": by name and value, then the document.
CREATE INDEX document_attributes_value ON document_attributes(name, value, document_id);

INSERT INTO attribute_definitions (name, type, position)
  SELECT name, CASE WHEN COUNT(DISTINCT type) = 1 THEN MIN(type) ELSE 'Text' END, ROW_NUMBER() OVER (ORDER BY MIN(id))
  FROM document_attributes GROUP BY name COLLATE NOCASE;
${Object.entries(LOGGED_TABLES_V8)
  .map(([table, columns]) => oplogTriggers(table, columns))
  .join('\n')}
`;
