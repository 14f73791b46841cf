// The reader's grouping of paragraphs by structure: lists nest by depth with each item's paragraphs and sub-lists
// in text order (the offset mapping needs DOM order = text order), tables keep empty cells, long groups split.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DocumentBlock } from '../../../shared/types';
import { splitParagraphs } from '../../../renderer/reader/paragraphs';
import {
  buildList,
  buildTable,
  groupLeaves,
  groupOfParagraph,
  isLeaf,
  leavesOf,
  type ListNode,
} from '../../../renderer/reader/structure';

function structured(parts: [string, Omit<DocumentBlock, 'start' | 'end'> | null][]) {
  const text = parts.map(([t]) => t).join('\n\n');
  const paragraphs = splitParagraphs(text);
  const blocks = parts.flatMap(([, shape], i) =>
    shape ? [{ start: paragraphs[i].start, end: paragraphs[i].start + paragraphs[i].text.length, ...shape }] : [],
  );
  return groupLeaves(leavesOf(paragraphs, blocks));
}

/** A list as nested arrays of paragraph texts, in the order they render. */
function shape(list: ListNode): unknown {
  return list.items.map((item) => item.content.map((node) => (isLeaf(node) ? node.paragraph.text : shape(node))));
}

test('lists nest by depth and keep a continued paragraph after its item’s sub-list, in text order', () => {
  const groups = structured([
    ['Intro', null],
    ['one', { kind: 'item', level: 1 }],
    ['one a', { kind: 'item', level: 2 }],
    ['one b', { kind: 'item', level: 2 }],
    ['more of one', { kind: 'item', level: 1, continued: true }],
    ['two', { kind: 'item', level: 1 }],
    ['first', { kind: 'item', level: 1, ordered: true }],
    ['Outro', null],
  ]);
  assert.deepEqual(
    groups.map((g) => g.kind),
    ['paragraph', 'list', 'list', 'paragraph'],
    'a numbered list after a bulleted one is a list of its own',
  );
  assert.deepEqual(shape(buildList(groups[1].leaves)), [['one', [['one a'], ['one b']], 'more of one'], ['two']]);
  assert.equal(buildList(groups[2].leaves).ordered, true);
  assert.equal(groupOfParagraph(groups, 4), 1);
  assert.equal(groupOfParagraph(groups, 7), 3);
});

test('tables keep their empty cells and a long table splits only between rows', () => {
  const cells: [string, Omit<DocumentBlock, 'start' | 'end'>][] = [];
  for (let row = 0; row < 80; row++) {
    cells.push([`r${row}a`, { kind: 'cell', table: 0, row, col: 0 }]);
    if (row % 2 === 0) cells.push([`r${row}c`, { kind: 'cell', table: 0, row, col: 2 }]);
  }
  const groups = structured(cells);
  assert.ok(groups.length > 1, 'split');
  assert.ok(groups.every((g) => g.kind === 'table'));
  const rows = groups.flatMap((g) => buildTable(g.leaves));
  assert.equal(rows.length, 80, 'no row is cut in two');
  assert.deepEqual(
    rows[0].map((c) => c?.leaves[0].paragraph.text ?? null),
    ['r0a', null, 'r0c'],
  );
});

test('a long numbered list splits between items and its later parts carry the numbering on', () => {
  const items: [string, Omit<DocumentBlock, 'start' | 'end'>][] = [];
  for (let n = 1; n <= 200; n++) items.push([`item ${n}`, { kind: 'item', level: 1, ordered: true }]);
  const groups = structured(items);
  assert.ok(groups.length >= 3);
  assert.equal(groups[0].itemsBefore, undefined);
  assert.equal(groups[1].itemsBefore, groups[0].leaves.length);
  assert.equal(groups[2].itemsBefore, groups[0].leaves.length + groups[1].leaves.length);
  assert.equal(
    groups.reduce((n, g) => n + g.leaves.length, 0),
    200,
  );
});
