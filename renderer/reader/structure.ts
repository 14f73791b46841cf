// The reader's unit of virtualisation: a group of paragraphs that render as one element — a paragraph, a heading,
// a whole list, table, quote, preformatted block or the footnotes — built from the document's blocks. Every
// paragraph still becomes one element with data-start holding its text as one text node, in text order, so the
// offset mapping (offsets.ts) and the highlight painting work unchanged.
import type { DocumentBlock } from '../../shared/types';
import type { Paragraph } from './paragraphs';

export interface Leaf {
  index: number;
  paragraph: Paragraph;
  block: DocumentBlock | null;
}

export type GroupKind = 'paragraph' | 'heading' | 'list' | 'quote' | 'table' | 'pre' | 'footnotes';

export interface Group {
  kind: GroupKind;
  leaves: Leaf[];
  /** A list split for length: how many top-level items came before this part (so numbering carries on). */
  itemsBefore?: number;
}

/** Long lists and tables are split so one mounted group never holds a whole 1 MB report. */
const MAX_LEAVES_PER_GROUP = 80;

const GROUP_OF: Record<DocumentBlock['kind'], GroupKind> = {
  heading: 'heading',
  item: 'list',
  quote: 'quote',
  cell: 'table',
  pre: 'pre',
  footnote: 'footnotes',
};

/** Pairs each paragraph with its block (blocks sorted by start, as the main process sends them). */
export function leavesOf(paragraphs: Paragraph[], blocks: readonly DocumentBlock[]): Leaf[] {
  const byStart = new Map(blocks.map((b) => [b.start, b]));
  return paragraphs.map((paragraph, index) => ({ index, paragraph, block: byStart.get(paragraph.start) ?? null }));
}

export function groupLeaves(leaves: Leaf[]): Group[] {
  const groups: Group[] = [];
  let open: Group | null = null;
  for (const leaf of leaves) {
    const kind: GroupKind = leaf.block ? GROUP_OF[leaf.block.kind] : 'paragraph';
    if (open && continues(open, kind, leaf)) {
      open.leaves.push(leaf);
      continue;
    }
    open = { kind, leaves: [leaf], ...continuedNumbering(groups[groups.length - 1], leaf) };
    groups.push(open);
    if (kind === 'paragraph' || kind === 'heading') open = null;
  }
  return groups;
}

/** A part of a list split for length counts on from the part before it. */
function continuedNumbering(previous: Group | undefined, leaf: Leaf): { itemsBefore?: number } {
  const first = leaf.block;
  if (!previous || previous.kind !== 'list' || first?.kind !== 'item' || (first.level ?? 1) !== 1) return {};
  if (!sameList(previous, leaf)) return {};
  return { itemsBefore: (previous.itemsBefore ?? 0) + topLevelItems(previous) };
}

function sameList(group: Group, leaf: Leaf): boolean {
  return (leaf.block?.ordered === true) === (group.leaves[0].block?.ordered === true);
}

function topLevelItems(group: Group): number {
  return group.leaves.filter((l) => (l.block?.level ?? 1) === 1 && !l.block?.continued).length;
}

function continues(group: Group, kind: GroupKind, leaf: Leaf): boolean {
  if (group.kind !== kind) return false;
  const block = leaf.block!;
  const previous = group.leaves[group.leaves.length - 1].block!;
  if (kind === 'table' && block.table !== previous.table) return false;
  // A numbered list right after a bulleted one (or the reverse) is a list of its own.
  if (kind === 'list' && (block.level ?? 1) === 1 && !block.continued && !sameList(group, leaf)) return false;
  if (group.leaves.length < MAX_LEAVES_PER_GROUP) return true;
  // Split a long group only where a new top-level item or table row begins.
  if (kind === 'list') return block.continued === true || (block.level ?? 1) > 1;
  if (kind === 'table') return block.row === previous.row;
  return false;
}

/** Index of the group holding a paragraph. */
export function groupOfParagraph(groups: Group[], paragraphIndex: number): number {
  let lo = 0;
  let hi = groups.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (groups[mid].leaves[0].index <= paragraphIndex) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// ---- Lists: items nested by depth, each item's paragraphs and sub-lists kept in text order ----

export interface ListNode {
  ordered: boolean;
  items: ItemNode[];
}

export interface ItemNode {
  content: (Leaf | ListNode)[];
}

export function buildList(leaves: Leaf[]): ListNode {
  const root: ListNode = { ordered: leaves[0]?.block?.ordered === true, items: [] };
  const stack: ListNode[] = [root];
  for (const leaf of leaves) {
    const depth = Math.max(1, Math.min(leaf.block?.level ?? 1, stack.length + 1));
    while (stack.length > depth) stack.pop();
    if (stack.length < depth) {
      const parent = stack[stack.length - 1];
      const item = parent.items[parent.items.length - 1] ?? pushItem(parent);
      const nested: ListNode = { ordered: leaf.block?.ordered === true, items: [] };
      item.content.push(nested);
      stack.push(nested);
    }
    const list = stack[stack.length - 1];
    const last = list.items[list.items.length - 1];
    if (leaf.block?.continued && last) last.content.push(leaf);
    else list.items.push({ content: [leaf] });
  }
  return root;
}

function pushItem(list: ListNode): ItemNode {
  const item: ItemNode = { content: [] };
  list.items.push(item);
  return item;
}

export function isLeaf(node: Leaf | ListNode): node is Leaf {
  return 'paragraph' in node;
}

// ---- Tables: rows of cells by column, a cell's further paragraphs kept in it ----

export interface TableCell {
  header: boolean;
  leaves: Leaf[];
}

export function buildTable(leaves: Leaf[]): (TableCell | null)[][] {
  const rows: (TableCell | null)[][] = [];
  const rowIndex = new Map<number, number>();
  let lastCell: TableCell | null = null;
  for (const leaf of leaves) {
    const block = leaf.block!;
    if (block.continued && lastCell) {
      lastCell.leaves.push(leaf);
      continue;
    }
    const key = block.row ?? 0;
    if (!rowIndex.has(key)) rowIndex.set(key, rows.push([]) - 1);
    const row = rows[rowIndex.get(key)!];
    const col = Math.max(block.col ?? row.length, row.length);
    while (row.length < col) row.push(null);
    lastCell = { header: block.header === true, leaves: [leaf] };
    row.push(lastCell);
  }
  const width = Math.max(0, ...rows.map((r) => r.length));
  for (const row of rows) while (row.length < width) row.push(null);
  return rows;
}

// ---- Footnotes: one per note, a note's further paragraphs kept in it ----

export function buildNotes(leaves: Leaf[]): Leaf[][] {
  const notes: Leaf[][] = [];
  for (const leaf of leaves) {
    if (leaf.block?.continued && notes.length) notes[notes.length - 1].push(leaf);
    else notes.push([leaf]);
  }
  return notes;
}
