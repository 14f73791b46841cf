// The Memos overview: every memo with what it is about, an excerpt, the passages it cites and its links to and
// from other memos (memoLink nodes in its body), read from the memos' JSON when the view asks.
import type { MemoIndexEntry, MemoKind } from '../../shared/types.js';
import type { Db } from '../db/connection.js';
import { documentHeading } from '../db/documents.js';
import { getHighlights } from '../db/highlights.js';
import { memoIndexRows } from '../db/memos.js';
import type { JsonNode } from './draft.js';

const EXCERPT = 240;

interface Body {
  text: string;
  citedHighlights: number[];
  linkedMemos: number[];
}

/** Plain text, cited passages and linked memos of a memo's tiptap JSON (an unreadable body reads as empty). */
export function readBody(content: string): Body {
  const body: Body = { text: '', citedHighlights: [], linkedMemos: [] };
  let root: JsonNode;
  try {
    root = JSON.parse(content) as JsonNode;
  } catch {
    return body;
  }
  const parts: string[] = [];
  const walk = (node: JsonNode) => {
    if (node.type === 'text') parts.push(node.text ?? '');
    if (node.type === 'citation') {
      if (typeof node.attrs?.highlightId === 'number') body.citedHighlights.push(node.attrs.highlightId);
      parts.push(` “${String(node.attrs?.quote ?? '')}” `);
    }
    if (node.type === 'memoLink' && typeof node.attrs?.memoId === 'number') {
      body.linkedMemos.push(node.attrs.memoId);
      parts.push(String(node.attrs.title ?? ''));
    }
    node.content?.forEach(walk);
    if (node.type === 'paragraph' || node.type === 'heading') parts.push(' ');
  };
  walk(root);
  body.text = parts.join('').replace(/\s+/g, ' ').trim();
  return body;
}

export function memoIndex(db: Db, query = ''): MemoIndexEntry[] {
  const rows = memoIndexRows(db);
  const bodies = rows.map((r) => readBody(r.content));
  const titles = new Map(rows.map((r) => [r.id, r.title]));
  const linkedFrom = new Map<number, { id: number; title: string }[]>();
  rows.forEach((r, i) => {
    for (const to of new Set(bodies[i].linkedMemos)) {
      if (!titles.has(to) || to === r.id) continue;
      linkedFrom.set(to, [...(linkedFrom.get(to) ?? []), { id: r.id, title: r.title }]);
    }
  });
  const cited = getHighlights(db, [...new Set(bodies.flatMap((b) => b.citedHighlights))]);
  const titleCache = new Map<number, string>();
  const titleOf = (id: number) => {
    if (!titleCache.has(id)) titleCache.set(id, documentHeading(db, id)?.title ?? `Document ${id}`);
    return titleCache.get(id)!;
  };
  const needle = query.trim().toLocaleLowerCase();
  const entries: MemoIndexEntry[] = [];
  rows.forEach((r, i) => {
    const body = bodies[i];
    if (needle && !r.title.toLocaleLowerCase().includes(needle) && !body.text.toLocaleLowerCase().includes(needle))
      return;
    const passages = body.citedHighlights.map((h) => cited.get(h)).filter((h) => h !== undefined);
    const documentIds = new Set<number>();
    if (r.subjectDocumentId !== null) documentIds.add(r.subjectDocumentId);
    passages.forEach((h) => documentIds.add(h.documentId));
    const tagIds = new Set([...(JSON.parse(r.passageTags || '[]') as number[]), ...passages.flatMap((h) => h.tagIds)]);
    if (r.tagId !== null) tagIds.add(r.tagId);
    entries.push({
      id: r.id,
      title: r.title,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      documentId: r.documentId,
      tagId: r.tagId,
      highlightId: r.highlightId,
      kind: kindOf(r),
      documentTitle: r.documentTitle,
      tagName: r.tagName,
      passage: r.passage,
      excerpt: body.text.length > EXCERPT ? `${body.text.slice(0, EXCERPT - 1)}…` : body.text,
      citations: body.citedHighlights.length,
      documents: [...documentIds].map((id) => ({ id, title: titleOf(id) })),
      tagIds: [...tagIds],
      linksTo: [...new Set(body.linkedMemos)]
        .filter((id) => titles.has(id) && id !== r.id)
        .map((id) => ({ id, title: titles.get(id)! })),
      linkedFrom: linkedFrom.get(r.id) ?? [],
    });
  });
  return entries;
}

export function kindOf(m: { documentId: number | null; tagId: number | null; highlightId: number | null }): MemoKind {
  if (m.highlightId !== null) return 'passage';
  if (m.tagId !== null) return 'tag';
  if (m.documentId !== null) return 'document';
  return 'project';
}
