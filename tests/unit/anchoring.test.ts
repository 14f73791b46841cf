import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeAnchor, reanchor } from '../../electron/anchoring/anchor.js';

const original =
  'Representatives from both nations convened in Istanbul for over six hours of discussions centered on resolving long-standing embassy issues. The primary focus revolved around staffing levels, visa procedures, and diplomatic banking.';
const passage = 'staffing levels, visa procedures, and diplomatic banking';
const start = original.indexOf(passage);
const anchor = describeAnchor(original, start, start + passage.length);

test('an unchanged text keeps the position', () => {
  assert.deepEqual(reanchor(anchor, original), { start, end: start + passage.length, method: 'position' });
});

test('insertions before the passage shift it; the exact quote finds it again', () => {
  const edited = `EDITOR'S NOTE: updated with new details.\n\n${original}`;
  const placed = reanchor(anchor, edited)!;
  assert.equal(placed.method, 'quote');
  assert.equal(edited.slice(placed.start, placed.end), passage);
});

test('of two identical quotes, the one with matching context wins', () => {
  const text = `${passage} appears first without context. ${original}`;
  const placed = reanchor(anchor, text)!;
  assert.equal(placed.start, text.lastIndexOf(passage));
});

test('a passage edited by a few characters is found by fuzzy matching', () => {
  const edited = original.replace('staffing levels, visa procedures', 'staffing level, visa procedure');
  const placed = reanchor(anchor, edited)!;
  assert.equal(placed.method, 'fuzzy');
  assert.equal(
    edited.slice(placed.start, placed.end),
    'staffing level, visa procedures, and diplomatic banking'.replace('procedures', 'procedure'),
  );
});

test('a deleted passage cannot be placed (the caller keeps it as orphaned)', () => {
  const edited = original.replace(/ The primary focus.*$/, ' The talks ended without a statement.');
  assert.equal(reanchor(anchor, edited), null);
});
