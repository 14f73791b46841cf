// Memo → Markdown, citations as block quotes with footnotes ([^n]) naming outlet, title, date and quote.
// Text here comes from imported documents (titles, outlets, authors, quotes), so all of it is escaped: a
// Markdown renderer must show it as text, never turn it into HTML, links or code that ends early.
import type { JsonNode } from '../memo/draft.js';
import {
  chartOf,
  evidenceCaption,
  evidenceCellText,
  evidenceOf,
  memoLinkText,
  sourceLine,
  type MemoModel,
} from './model.js';

type Mark = NonNullable<JsonNode['marks']>[number];

const SAFE_LINK = /^(https?:|mailto:)/i;

export function memoToMarkdown(model: MemoModel): string {
  const body = model.blocks
    .map((b) => block(b, model))
    .filter((s) => s !== '')
    .join('\n\n');
  const notes = model.footnotes
    .map((f) => `[^${f.number}]: ${escapeText(`${sourceLine(f)}. “${oneLine(f.quote)}”`)}`)
    .join('\n');
  return `${body}\n${notes ? `\n${notes}\n` : ''}`;
}

function block(node: JsonNode, model: MemoModel, indent = ''): string {
  switch (node.type) {
    case 'heading':
      return `${'#'.repeat(headingLevel(node))} ${oneLine(inline(node, model).replace(/\\\n/g, ' '))}`;
    case 'paragraph':
      return indentLines(inline(node, model), indent);
    case 'blockquote':
      return quoteLines((node.content ?? []).map((c) => block(c, model)).join('\n\n'));
    case 'bulletList':
      return list(node, model, () => '- ', indent);
    case 'orderedList':
      return list(node, model, (i) => `${orderedStart(node) + i}. `, indent);
    case 'codeBlock':
      return indentLines(codeBlock(node), indent);
    case 'horizontalRule':
      return `${indent}---`;
    case 'citation': {
      const f = model.footnoteFor.get(node)!;
      return `> ${escapeText(oneLine(f.quote))}[^${f.number}]`;
    }
    case 'evidenceTable':
      return evidenceTable(node);
    case 'chartImage': {
      // A data URI keeps the export one self-contained file (see README, Analysis).
      const chart = chartOf(node);
      if (!chart) return '';
      return `![${escapeText(chart.caption)}](data:image/png;base64,${chart.base64})\n\n*Figure: ${escapeText(chart.caption)}*`;
    }
    default:
      return inline(node, model);
  }
}

/** A GitHub-flavoured table (escapeText escapes the pipes inside cells), its caption in italics below. */
function evidenceTable(node: JsonNode): string {
  const t = evidenceOf(node);
  if (!t) return '';
  const row = (cells: string[]) => `| ${cells.map((c) => escapeText(oneLine(c))).join(' | ')} |`;
  return [
    row(['Claim', ...t.sources]),
    `| ${['Claim', ...t.sources].map(() => '---').join(' | ')} |`,
    ...t.rows.map((r) => row([r.claim, ...t.sources.map((_, i) => evidenceCellText(r.cells[i]))])),
    '',
    `*${escapeText(evidenceCaption(t))}*`,
  ].join('\n');
}

function list(node: JsonNode, model: MemoModel, bullet: (i: number) => string, indent: string): string {
  return (node.content ?? [])
    .map((item, i) => {
      const [first, ...rest] = item.content ?? [];
      const head = `${indent}${bullet(i)}${first ? block(first, model).trimStart() : ''}`;
      const tail = rest.map((c) => block(c, model, `${indent}  `)).join('\n');
      return tail ? `${head}\n${tail}` : head;
    })
    .join('\n');
}

function headingLevel(node: JsonNode): number {
  const level = Math.trunc(Number(node.attrs?.level ?? 1));
  return Number.isFinite(level) ? Math.min(6, Math.max(1, level)) : 1;
}

function orderedStart(node: JsonNode): number {
  const start = Math.trunc(Number(node.attrs?.start ?? 1));
  return Number.isFinite(start) ? Math.min(999_999_999, Math.max(0, start)) : 1;
}

function indentLines(text: string, indent: string): string {
  return text
    .split('\n')
    .map((line) => indent + line)
    .join('\n');
}

function quoteLines(text: string): string {
  return text
    .split('\n')
    .map((l) => `> ${l}`.trimEnd())
    .join('\n');
}

/** A fence longer than any run of backticks inside, so no line of the code can close it. */
function codeBlock(node: JsonNode): string {
  const code = (node.content ?? []).map((c) => c.text ?? '').join('');
  const fence = '`'.repeat(Math.max(3, longestRun(code, '`') + 1));
  return `${fence}\n${code}\n${fence}`;
}

function inline(node: JsonNode, model: MemoModel): string {
  return (node.content ?? [])
    .map((child) => {
      if (child.type === 'hardBreak') return '\\\n';
      if (child.type === 'memoLink') return `*${escapeText(memoLinkText(child, model))}*`;
      if (child.type !== 'text') return inline(child, model);
      return withMarks(child.text ?? '', child.marks ?? []);
    })
    .join('');
}

/** Code first (its content is literal), then emphasis, then the link around all of it. */
function withMarks(raw: string, marks: Mark[]): string {
  const has = (type: string) => marks.some((m) => m.type === type);
  let text = has('code') ? codeSpan(raw) : escapeText(raw);
  if (has('bold')) text = `**${text}**`;
  if (has('italic')) text = `*${text}*`;
  if (has('strike')) text = `~~${text}~~`;
  const link = marks.find((m) => m.type === 'link');
  const href = link ? safeHref(link.attrs?.href) : null;
  return href ? `[${text}](<${href}>)` : text;
}

/** Backticks one longer than the longest run inside; padded so content starting or ending with ` stays inside. */
function codeSpan(raw: string): string {
  const code = raw.replace(/[\r\n]+/g, ' ');
  const ticks = '`'.repeat(longestRun(code, '`') + 1);
  const pad = code.startsWith('`') || code.endsWith('`') || /^ .* $/.test(code) ? ' ' : '';
  return `${ticks}${pad}${code}${pad}${ticks}`;
}

/** http(s) and mailto only, percent-encoded so the target cannot end the link or start markup. */
export function safeHref(value: unknown): string | null {
  if (typeof value !== 'string' || !SAFE_LINK.test(value.trim())) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (!SAFE_LINK.test(url.protocol)) return null;
  return url.href.replace(/[^A-Za-z0-9\-._~:/?#@!$&+,;=%]/g, (c) => encodeURIComponent(c).replace(/[!'()*]/g, percent));
}

function percent(c: string): string {
  return `%${c.charCodeAt(0).toString(16).toUpperCase()}`;
}

/**
 * Backslash-escapes every character Markdown gives a meaning inline (CommonMark allows escaping any ASCII
 * punctuation), and the block markers that matter at the start of a line. Line breaks become spaces: a
 * blank line inside imported text must not end the paragraph (or list, or quote) it stands in.
 */
export function escapeText(text: string): string {
  const flat = text.replace(/[\r\n\u2028\u2029\f\v]+/g, ' ');
  return escapeLineStart(flat.replace(/[\\`*_[\]{}<>()#+|~!&=^$]/g, '\\$&'));
}

function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)(-|\d+(?=[.)]))/, (_m, space: string, marker: string) =>
    marker === '-' ? `${space}\\-` : `${space}${marker}\\`,
  );
}

function longestRun(text: string, ch: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === ch ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
