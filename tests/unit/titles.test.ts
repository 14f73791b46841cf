import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { contentHash, extractTitle, firstSentence, normaliseText } from '../../electron/import/text.js';
import { seedsDir } from '../support/temp.js';

const seed = (prefix: string) => {
  const name = fs.readdirSync(seedsDir).find((f) => f.startsWith(prefix))!;
  return fs.readFileSync(path.join(seedsDir, name), 'utf8');
};

test('a short first line is taken as the headline', () => {
  assert.equal(extractTitle(seed('001'), 'x'), 'Russian and Us Diplomats Meet in Turkey for Talks on Repairing Ties');
});

test('a standfirst standing alone before a blank line is a headline, without its full stop', () => {
  assert.equal(
    extractTitle(seed('002'), 'x'),
    'Bilateral talks on embassy issues in Istanbul come as Trump positions himself as main broker in Ukraine peace deal',
  );
});

test('without a headline, the first sentence is the title, not cut at "U.S."', () => {
  const title = extractTitle(seed('004'), 'x');
  assert.ok(
    title.startsWith('Preparations are being made for an in-person meeting between U.S. President Donald Trump'),
    title,
  );
  assert.ok(title.length <= 140);
});

test('first sentence skips abbreviations and initials', () => {
  assert.equal(
    firstSentence('Mr. Smith met Gen. Jones in the U.S. capital. Then he left.'),
    'Mr. Smith met Gen. Jones in the U.S. capital.',
  );
});

test('an empty text falls back to the file name', () => {
  assert.equal(extractTitle('\n\n', 'report'), 'report');
});

test('normalised text keeps paragraphs and joins hard-wrapped lines', () => {
  const wrapped =
    'This line is hard wrapped at about seventy characters, like an old\nplain-text email would be, and it continues on the next line here.\n\nSecond paragraph.';
  assert.equal(
    normaliseText(wrapped),
    'This line is hard wrapped at about seventy characters, like an old plain-text email would be, and it continues on the next line here.\n\nSecond paragraph.',
  );
  assert.equal(normaliseText('One.\r\nTwo.\r\n'), 'One.\n\nTwo.');
});

test('the content hash is stable and differs for different text', () => {
  assert.equal(contentHash('abc'), contentHash('abc'));
  assert.notEqual(contentHash('abc'), contentHash('abd'));
});
