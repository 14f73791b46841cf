// The page view's text layer maps to the canonical text: spans of a header the import dropped map to nothing,
// a word hyphenated across two spans maps to the joined word, and a selection's characters give its offsets.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { charRuns, mapSpans, offsetsOf } from '../../../renderer/pdf/textMap';

const TEXT = 'Intro.\n\nThe talks of both countries went on. Visas came next.';
const PAGE_START = TEXT.indexOf('The talks');

test('spans map character by character; a dropped header maps to -1', () => {
  const spans = ['Running header 2025', 'The talks of both coun-', 'tries went on. Visas', 'came next.', '7'];
  const maps = mapSpans(TEXT, PAGE_START, TEXT.length, spans);
  assert.ok(
    maps[0].every((v) => v === -1),
    'header',
  );
  assert.ok(
    maps[4].every((v) => v === -1),
    'page number',
  );
  assert.equal(maps[1][0], PAGE_START);
  assert.equal(TEXT[maps[1][spans[1].indexOf('coun')]], 'c');
  assert.equal(maps[1][spans[1].length - 1], -1, 'the line-end hyphen is not in the text');
  assert.equal(maps[2][0], TEXT.indexOf('tries'));
  const sel = offsetsOf([
    { map: maps[1], from: spans[1].indexOf('both'), to: spans[1].length },
    { map: maps[2], from: 0, to: 'tries went on.'.length },
  ])!;
  assert.equal(TEXT.slice(sel.start, sel.end), 'both countries went on.');
});

test('a highlight covers the words and the spaces between them, not what lies outside', () => {
  const spans = ['The talks of both countries'];
  const [map] = mapSpans(TEXT, PAGE_START, TEXT.length, spans);
  const start = TEXT.indexOf('talks');
  const runs = charRuns(map, start, start + 'talks of'.length);
  assert.deepEqual(runs, [[4, 12]]);
  assert.equal(spans[0].slice(4, 12), 'talks of');
});
