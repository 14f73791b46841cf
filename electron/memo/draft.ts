// "Draft from tag": a memo with one section per tag, its passages cited in document order.
import type { Db } from '../db/connection.js';
import { getTag } from '../db/tags.js';
import { passagesWithTags } from '../db/themes.js';
import { resolveCitations } from './citations.js';

export interface JsonNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: JsonNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

export function citationNode(source: ReturnType<typeof resolveCitations>[number]): JsonNode {
  return {
    type: 'citation',
    attrs: {
      highlightId: source.highlightId,
      quote: source.exact ?? '',
      documentTitle: source.documentTitle ?? '',
      outlet: source.outlet ?? '',
      publishedAt: source.publishedAt ?? '',
      documentId: source.documentId,
    },
  };
}

export function draftFromTags(db: Db, title: string, tagIds: number[]): string {
  const content: JsonNode[] = [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: title }] }];
  for (const tagId of tagIds) {
    const tag = getTag(db, tagId);
    if (!tag) continue;
    content.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: tag.name }] });
    if (tag.description) content.push({ type: 'paragraph', content: [{ type: 'text', text: tag.description }] });
    const passages = passagesWithTags(db, [tagId], 'or');
    if (passages.length === 0)
      content.push({ type: 'paragraph', content: [{ type: 'text', text: 'No passages yet.' }] });
    for (const source of resolveCitations(
      db,
      passages.map((p) => p.highlightId),
    ))
      content.push(citationNode(source));
  }
  return JSON.stringify({ type: 'doc', content });
}
