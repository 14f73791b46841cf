// Matrices: tags (rows) × documents, × the values of one attribute, or × tags (co-occurrence). A row tag with
// includeChildren stands for its sub-tags too. A co-occurrence cell counts the row tag's passages that carry the
// column tag or overlap a passage carrying it: exactly what retrieval "row AND column" returns, so a click on a cell
// lists the passages it counts.
import type { AnalysisMatrix, AttributeFilter, MatrixColumn, MatrixColumns, Tag } from '../../shared/types.js';
import { findDefinitionByName } from '../db/attributeDefinitions.js';
import type { Db } from '../db/connection.js';
import { descendantIds, listTags } from '../db/tags.js';
import { documentTitles, tagCountsBy } from '../db/themes.js';
import { retrieveIds } from './retrieval.js';

export interface MatrixRequest {
  tagIds?: number[];
  columns: MatrixColumns;
  includeChildren?: boolean;
  attributes?: AttributeFilter[];
}

export function buildMatrix(db: Db, request: MatrixRequest): AnalysisMatrix {
  const all = listTags(db);
  const rows = pick(all, request.tagIds);
  const groups = rows.map((t) => (request.includeChildren ? descendantIds(db, t.id) : [t.id]));
  if (request.columns.kind === 'tags')
    return cooccurrence(db, rows, pick(all, request.columns.tagIds ?? request.tagIds), request);
  const counts = tagCountsBy(db, groups, request.columns, request.attributes);
  const columns =
    request.columns.kind === 'documents'
      ? documentTitles(db, [...new Set(counts.map((c) => Number(c.key)))]).map((d): MatrixColumn => ({
          key: String(d.id),
          label: d.title,
          documentId: d.id,
        }))
      : valueColumns(
          db,
          request.columns.name,
          counts.map((c) => c.key),
        );
  return fill(
    rows,
    columns,
    counts.map((c) => ({ row: c.row, key: c.key, count: c.count })),
  );
}

function pick(all: Tag[], ids: number[] | undefined): Tag[] {
  if (!ids) return all;
  const byId = new Map(all.map((t) => [t.id, t]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The attribute's values that occur, in the order of its choices (one-of-a-list) or sorted; "no value" last. */
function valueColumns(db: Db, name: string, keys: string[]): MatrixColumn[] {
  const present = new Set(keys);
  const definition = findDefinitionByName(db, name);
  const ordered = definition?.choices.length
    ? [
        ...definition.choices.filter((c) => present.has(c)),
        ...[...present].filter((k) => k && !definition.choices.includes(k)),
      ]
    : [...present].filter(Boolean).sort(compareValues);
  if (present.has('')) ordered.push('');
  return ordered.map((value) => ({
    key: value,
    label: value === '' ? '(no value)' : label(definition?.kind, value),
    value,
  }));
}

function label(kind: string | undefined, value: string): string {
  if (kind === 'boolean') return value === 'true' ? 'yes' : value === 'false' ? 'no' : value;
  return value;
}

function compareValues(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  return Number.isFinite(x) && Number.isFinite(y) ? x - y : a.localeCompare(b);
}

function fill(
  rows: Tag[],
  columns: MatrixColumn[],
  counts: { row: number; key: string; count: number }[],
): AnalysisMatrix {
  const index = new Map(columns.map((c, j) => [c.key, j]));
  const matrix = rows.map(() => columns.map(() => 0));
  let max = 0;
  for (const { row, key, count } of counts) {
    const j = index.get(key);
    if (j === undefined) continue;
    matrix[row][j] = count;
    max = Math.max(max, count);
  }
  return { rows, columns, counts: matrix, max };
}

function cooccurrence(db: Db, rows: Tag[], columnTags: Tag[], request: MatrixRequest): AnalysisMatrix {
  const columns = columnTags.map((t): MatrixColumn => ({ key: String(t.id), label: t.name, tagId: t.id }));
  const counts = rows.flatMap((row, i) =>
    columnTags.map((column) => {
      const terms =
        row.id === column.id
          ? [{ tagId: row.id }]
          : [{ tagId: row.id }, { operator: 'and' as const, tagId: column.id }];
      const ids = retrieveIds(db, { terms, includeChildren: request.includeChildren, attributes: request.attributes });
      return { row: i, key: String(column.id), count: ids.length };
    }),
  );
  return fill(rows, columns, counts);
}
