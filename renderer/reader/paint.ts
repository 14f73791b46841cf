// Draws highlights with the CSS Custom Highlight API: one registered Highlight per colour holding Ranges,
// styled by ::highlight() rules. The document's DOM is never rewritten, so thousands of highlights stay cheap
// and overlapping passages simply blend (translucent colours).
import type { Highlight } from '../../shared/types';
import { rangeForOffsets, type ParagraphIndex } from './offsets';

export const DEFAULT_HIGHLIGHT_COLOR = '#f2c14e';
const STYLE_ID = 'gloss-highlight-styles';
let registered: string[] = [];

type HighlightRegistry = Map<string, unknown> & { set(name: string, value: unknown): void };
declare const Highlight: { new (...ranges: Range[]): { add(range: Range): void; priority: number } };

export function supportsCustomHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS;
}

function registry(): HighlightRegistry {
  return (CSS as unknown as { highlights: HighlightRegistry }).highlights;
}

export function colorOf(h: Highlight, tagColors: Map<number, string>): string {
  return h.color ?? (h.tagIds.length ? tagColors.get(h.tagIds[0]) : undefined) ?? DEFAULT_HIGHLIGHT_COLOR;
}

export interface PaintRequest {
  index: ParagraphIndex;
  highlights: Highlight[];
  tagColors: Map<number, string>;
  selectedId: number | null;
  flash: { start: number; end: number } | null;
  /** A passage being saved: painted as the highlight it is about to be, so pressing H shows it at once. */
  saving?: { start: number; end: number } | null;
}

export function paintHighlights({ index, highlights, tagColors, selectedId, flash, saving }: PaintRequest): void {
  if (!supportsCustomHighlights()) return;
  clearHighlights();
  const byColor = new Map<string, Range[]>();
  const savingRange = saving && rangeForOffsets(index, saving.start, saving.end);
  if (savingRange) byColor.set(DEFAULT_HIGHLIGHT_COLOR, [savingRange]);
  let selected: Range | null = null;
  for (const h of highlights) {
    if (h.orphaned) continue;
    const range = rangeForOffsets(index, h.start, h.end);
    if (!range) continue;
    const color = colorOf(h, tagColors);
    (byColor.get(color) ?? byColor.set(color, []).get(color)!).push(range);
    if (h.id === selectedId) selected = range;
  }
  const rules: string[] = [];
  let i = 0;
  for (const [color, ranges] of byColor) {
    const name = `gloss-c${i++}`;
    registry().set(name, new Highlight(...ranges));
    registered.push(name);
    rules.push(`::highlight(${name}) { background-color: ${translucent(color, 0.38)}; }`);
  }
  if (selected) {
    const h = new Highlight(selected);
    h.priority = 10;
    registry().set('gloss-selected', h);
    registered.push('gloss-selected');
  }
  const flashRange = flash && rangeForOffsets(index, flash.start, flash.end);
  if (flashRange) {
    const h = new Highlight(flashRange);
    h.priority = 20;
    registry().set('gloss-flash', h);
    registered.push('gloss-flash');
  }
  // Rewriting the rules restyles the whole page: only when the colours changed.
  const css = rules.join('\n');
  const style = styleElement();
  if (style.textContent !== css) style.textContent = css;
}

export function clearHighlights(): void {
  if (!supportsCustomHighlights()) return;
  for (const name of registered) registry().delete(name);
  registered = [];
}

function styleElement(): HTMLStyleElement {
  let style = document.getElementById(STYLE_ID) as HTMLStyleElement | null;
  if (!style) {
    style = document.createElement('style');
    style.id = STYLE_ID;
    document.head.appendChild(style);
  }
  return style;
}

export function translucent(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
