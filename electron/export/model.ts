// A memo as exporters see it: its tiptap JSON with every citation resolved to the current passage
// (or, if the passage was deleted, the quote stored in the memo) and numbered as a footnote.
import { pageLabel } from '../../shared/pages.js';
import { gradeLabel } from '../../shared/grades.js';
import type { CitationSource, EvidenceTable } from '../../shared/types.js';
import type { JsonNode } from '../memo/draft.js';

export interface Footnote {
  number: number;
  quote: string;
  deleted: boolean;
  source: CitationSource | null;
  stored: { documentTitle: string; outlet: string; publishedAt: string };
}

export interface MemoModel {
  title: string;
  /** The memo's blocks, beginning with its title as a heading (added when the memo does not begin with it). */
  blocks: JsonNode[];
  footnotes: Footnote[];
  /** Footnote number for each citation node, in document order. */
  footnoteFor: Map<JsonNode, Footnote>;
  /** Titles of the memos this one links to, as they are now (a deleted memo is missing). */
  memoTitles: Map<number, string>;
}

export function memoLinkIds(root: JsonNode): number[] {
  const ids: number[] = [];
  walk(root, (node) => {
    if (node.type === 'memoLink' && typeof node.attrs?.memoId === 'number') ids.push(node.attrs.memoId);
  });
  return [...new Set(ids)];
}

/** A link to another memo, in words: the exported file stands alone, so it names the memo rather than pointing. */
export function memoLinkText(node: JsonNode, model: MemoModel): string {
  const id = Number(node.attrs?.memoId);
  const title = model.memoTitles.get(id) ?? String(node.attrs?.title ?? '');
  return `see memo “${title || 'Untitled'}”${model.memoTitles.has(id) ? '' : ' (deleted)'}`;
}

/** Citations of a claim sentence: a document and offsets, no passage (see memo/evidence.ts). */
export function citedRanges(root: JsonNode): { documentId: number; start: number; end: number }[] {
  const ranges: { documentId: number; start: number; end: number }[] = [];
  walk(root, (node) => {
    const a = node.attrs ?? {};
    if (node.type === 'citation' && isRange(a))
      ranges.push({ documentId: Number(a.documentId), start: Number(a.start), end: Number(a.end) });
  });
  return ranges;
}

function isRange(a: Record<string, unknown>): boolean {
  return (
    typeof a.highlightId !== 'number' &&
    typeof a.documentId === 'number' &&
    typeof a.start === 'number' &&
    typeof a.end === 'number'
  );
}

export function citationIds(root: JsonNode): number[] {
  const ids: number[] = [];
  walk(root, (node) => {
    if (node.type === 'citation' && typeof node.attrs?.highlightId === 'number') ids.push(node.attrs.highlightId);
  });
  return ids;
}

export function buildMemoModel(
  title: string,
  content: string,
  sources: CitationSource[],
  memoTitles: Map<number, string> = new Map(),
  ranges: Map<string, CitationSource> = new Map(),
): MemoModel {
  const root = JSON.parse(content) as JsonNode;
  const byId = new Map(sources.map((s) => [s.highlightId, s]));
  const footnotes: Footnote[] = [];
  const footnoteFor = new Map<JsonNode, Footnote>();
  walk(root, (node) => {
    if (node.type !== 'citation') return;
    const attrs = node.attrs ?? {};
    const source =
      (isRange(attrs)
        ? ranges.get(`${String(attrs.documentId)}:${String(attrs.start)}:${String(attrs.end)}`)
        : byId.get(Number(attrs.highlightId))) ?? null;
    const live = source?.exists ? source : null;
    const footnote: Footnote = {
      number: footnotes.length + 1,
      quote: live?.exact ?? String(attrs.quote ?? ''),
      deleted: !live,
      source: live,
      stored: {
        documentTitle: String(attrs.documentTitle ?? ''),
        outlet: String(attrs.outlet ?? ''),
        publishedAt: String(attrs.publishedAt ?? ''),
      },
    };
    footnotes.push(footnote);
    footnoteFor.set(node, footnote);
  });
  return { title, blocks: withTitle(title, root.content ?? []), footnotes, footnoteFor, memoTitles };
}

/** Every export format opens with the memo's title, once. */
function withTitle(title: string, blocks: JsonNode[]): JsonNode[] {
  const first = blocks[0];
  const text = (node: JsonNode): string => node.text ?? (node.content ?? []).map(text).join('');
  if (!title.trim() || (first?.type === 'heading' && text(first).trim() === title.trim())) return blocks;
  return [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: title }] }, ...blocks];
}

function walk(node: JsonNode, visit: (node: JsonNode) => void): void {
  visit(node);
  for (const child of node.content ?? []) walk(child, visit);
}

/** "Outlet, “Title”, 2025-02-27, p. 3, graded B2" (or "pp. 3–4") — the source line of a footnote. */
export function sourceLine(f: Footnote): string {
  const title = f.source?.documentTitle ?? f.stored.documentTitle;
  const parts = [
    f.source?.outlet ?? f.stored.outlet,
    f.source?.author ?? '',
    title ? `“${title}”` : '',
    f.source?.publishedAt ?? f.stored.publishedAt,
    pageLabel(f.source?.page, f.source?.pageEnd),
    gradeOf(f) ? `graded ${gradeOf(f)}` : '',
    reportedBy(f),
  ].filter(Boolean);
  return parts.join(', ') + (f.deleted ? ' (passage since deleted from the project)' : '');
}

/** "also reported by Reuters, AP; copied by X" — the other outlets stating the cited passage. */
function reportedBy(f: Footnote): string {
  const c = f.source?.corroboration;
  if (!c) return '';
  const parts = [
    c.outlets.length ? `also reported by ${c.outlets.join('; ')}` : '',
    c.copies.length ? `copied by ${c.copies.join('; ')}` : '',
  ].filter(Boolean);
  return parts.join(', ');
}

function gradeOf(f: Footnote): string | null {
  return gradeLabel(f.source?.reliability, f.source?.credibility);
}

export function plainText(node: JsonNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(plainText).join('');
}

export function safeFileName(title: string): string {
  return (
    title
      .replace(/[^\p{L}\p{N} _-]+/gu, '')
      .trim()
      .replace(/\s+/g, '-')
      .slice(0, 80) || 'memo'
  );
}

/** A citation's region image (a PNG cropped from a PDF page) with its size in pixels, or null. */
export function regionImage(f: Footnote): { png: Buffer; width: number; height: number; page: number } | null {
  const region = f.source?.region;
  if (!region?.imageBase64) return null;
  const image = pngOf(region.imageBase64);
  return image && { ...image, page: region.page };
}

function pngOf(base64: string): { png: Buffer; width: number; height: number } | null {
  if (!/^[A-Za-z0-9+/]+=*$/.test(base64)) return null;
  const png = Buffer.from(base64, 'base64');
  // The IHDR chunk follows the 8-byte signature: length, type, then width and height (PNG spec §11.2.2).
  if (png.length < 24 || png.readUInt32BE(12) !== 0x49484452) return null;
  return { png, width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

export interface ChartFigure {
  png: Buffer;
  base64: string;
  /** Size to show it at, in CSS pixels (the PNG is drawn at twice that for print). */
  width: number;
  height: number;
  caption: string;
}

/** A chart node's image and caption, or null when its image is not a PNG (a hand-edited or damaged memo). */
export function chartOf(node: JsonNode): ChartFigure | null {
  const base64 = typeof node.attrs?.png === 'string' ? node.attrs.png : '';
  const image = pngOf(base64);
  if (!image) return null;
  const shown = Number(node.attrs?.width) > 0 ? Number(node.attrs?.width) : image.width / 2;
  const scale = shown / image.width;
  return {
    png: image.png,
    base64,
    width: Math.round(shown),
    height: Math.round(image.height * scale),
    caption: String(node.attrs?.caption ?? '').trim() || 'Chart',
  };
}

/** An evidence table node's table, or null when its attributes are not one (a hand-edited or damaged memo). */
export function evidenceOf(node: JsonNode): EvidenceTable | null {
  const t = node.attrs?.table as EvidenceTable | undefined;
  if (!t || !Array.isArray(t.sources) || !Array.isArray(t.rows)) return null;
  const ok = t.rows.every((r) => typeof r?.claim === 'string' && Array.isArray(r.cells));
  return ok ? t : null;
}

/** What a cell of the evidence table says: the grade, ✓ when stated but ungraded, — when not stated. */
export function evidenceCellText(cell: EvidenceTable['rows'][number]['cells'][number] | undefined): string {
  if (!cell) return '—';
  return `${typeof cell.grade === 'string' && cell.grade ? cell.grade : '✓'}${cell.copy ? ' (copy)' : ''}`;
}

export function evidenceCaption(t: EvidenceTable): string {
  return (
    `Evidence: ${t.rows.length} claim${t.rows.length === 1 ? '' : 's'} × ${t.sources.length} sources in ` +
    `${String(t.scope ?? 'the project')}. Grades on the Admiralty scale (source reliability A–F, credibility 1–6); ` +
    '✓ stated, ungraded; — not stated; (copy) near-verbatim copy of another source.'
  );
}
