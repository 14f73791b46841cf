// Retrieval results and matrices as tables (CSV/XLSX), and a memo section drafted from a retrieval.
import { describeAttributeFilter } from '../../shared/attributeFilters.js';
import type { AnalysisMatrix, RetrievalQuery, Tag } from '../../shared/types.js';
import { listDefinitions } from '../db/attributeDefinitions.js';
import { attributesOfDocuments } from '../db/attributes.js';
import { listCoders } from '../db/coders.js';
import type { Db } from '../db/connection.js';
import { listTags } from '../db/tags.js';
import { segmentRows } from '../db/segments.js';
import { citationNode, type JsonNode } from '../memo/draft.js';
import { resolveCitations } from '../memo/citations.js';
import type { Table } from '../export/table.js';
import { retrieveIds } from './retrieval.js';

/** "Parent › Child" for each tag. */
export function tagPaths(tags: Tag[]): Map<number, string> {
  const byId = new Map(tags.map((t) => [t.id, t]));
  const paths = new Map<number, string>();
  const pathOf = (tag: Tag, seen = new Set<number>()): string => {
    const parent = tag.parentId === null ? undefined : byId.get(tag.parentId);
    if (!parent || seen.has(parent.id)) return tag.name;
    seen.add(tag.id);
    return `${pathOf(parent, seen)} › ${tag.name}`;
  };
  for (const tag of tags) paths.set(tag.id, pathOf(tag));
  return paths;
}

export function retrievalTable(db: Db, query: RetrievalQuery): Table {
  const segments = segmentRows(db, retrieveIds(db, query));
  const definitions = listDefinitions(db);
  const values = attributesOfDocuments(db, [...new Set(segments.map((s) => s.highlight.documentId))]);
  const paths = tagPaths(listTags(db));
  const coders = new Map(listCoders(db).map((c) => [c.id, c.name]));
  return {
    sheetName: 'Retrieved segments',
    header: [
      'Document',
      ...definitions.map((d) => d.name),
      'Tags',
      'Coder',
      'Coded',
      'Note',
      'Quote',
      'Page',
      'Start',
      'End',
    ],
    widths: [40, ...definitions.map(() => 16), 36, 16, 12, 40, 80, 8, 8, 8],
    rows: segments.map(({ highlight: h, documentTitle, noteText, page, pageEnd }) => [
      documentTitle,
      ...definitions.map((d) => values.get(h.documentId)?.get(d.name) ?? ''),
      h.tagIds.map((id) => paths.get(id) ?? '').join('; '),
      (h.coderId && coders.get(h.coderId)) || '',
      h.createdAt.slice(0, 10),
      noteText ?? '',
      h.exact,
      pageCell(page, pageEnd),
      h.start,
      h.end,
    ]),
  };
}

/** A PDF passage's page as a number, "7–8" when it runs onto the next page; empty for other documents. */
function pageCell(page: number | undefined, pageEnd: number | undefined): string | number {
  if (!page) return '';
  return pageEnd && pageEnd !== page ? `${page}–${pageEnd}` : page;
}

export function matrixTable(matrix: AnalysisMatrix, paths: Map<number, string>): Table {
  return {
    sheetName: 'Matrix',
    header: ['Tag', ...matrix.columns.map((c) => c.label), 'Total'],
    widths: [36, ...matrix.columns.map((c) => Math.min(30, Math.max(8, c.label.length + 2))), 8],
    rows: matrix.rows.map((tag, i) => [
      paths.get(tag.id) ?? tag.name,
      ...matrix.counts[i],
      matrix.counts[i].reduce((a, b) => a + b, 0),
    ]),
  };
}

/** In words, for a memo heading: "Sanctions AND Energy (with sub-tags), where Outlet = TASS". */
export function describeQuery(db: Db, query: RetrievalQuery): string {
  const names = new Map(listTags(db).map((t) => [t.id, t.name]));
  const terms = query.terms
    .map((t, i) => {
      const name = names.get(t.tagId) ?? `tag ${t.tagId}`;
      if (i === 0) return name;
      const op = t.operator ?? 'and';
      return op === 'near' ? `NEAR/${t.distance ?? 1} ${name}` : `${op.toUpperCase()} ${name}`;
    })
    .join(' ');
  const where = (query.attributes ?? []).map(describeAttributeFilter);
  return `${terms}${query.includeChildren ? ' (with sub-tags)' : ''}${where.length ? `, where ${where.join(', ')}` : ''}`;
}

/** A memo: the title, the query in words, then every segment cited in document order. */
export function draftFromRetrieval(db: Db, title: string, query: RetrievalQuery): string {
  const ids = retrieveIds(db, query);
  const content: JsonNode[] = [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: title }] },
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: describeQuery(db, query) }] },
    {
      type: 'paragraph',
      content: [{ type: 'text', text: `${ids.length} passage${ids.length === 1 ? '' : 's'} retrieved.` }],
    },
  ];
  for (const source of resolveCitations(db, ids)) content.push(citationNode(source));
  return JSON.stringify({ type: 'doc', content });
}
