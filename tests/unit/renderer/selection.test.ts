// A passage's bounds as the reader computes them from a selection or a keyboard adjustment.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adjustSpan, stepOffset, trimSpan } from '../../../renderer/reader/selection';

const text = 'Talks began.\n\nThe envoys met in Istanbul on Thursday.';
const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
const quote = (s: { start: number; end: number } | null) => (s ? text.slice(s.start, s.end) : null);

test('a passage never starts or ends with white space or a paragraph break', () => {
  assert.equal(quote(trimSpan(text, { start: 0, end: text.indexOf('The') })), 'Talks began.');
  assert.equal(quote(trimSpan(text, { start: text.indexOf('\n'), end: text.indexOf(' envoys') + 1 })), 'The');
  assert.equal(trimSpan(text, { start: 12, end: 14 }), null, 'only a break: nothing');
});

test('word steps skip punctuation and spaces, and stop at the text edges', () => {
  const at = text.indexOf('met');
  assert.equal(text.slice(at, stepOffset(text, at, 1, 'word')), 'met');
  assert.equal(
    stepOffset(text, text.length - 3, 1, 'word'),
    text.length - 1,
    'to the end of the word, not its full stop',
  );
  assert.equal(stepOffset(text, text.length - 1, 1, 'word'), text.length);
  assert.equal(text.slice(stepOffset(text, at, -1, 'word'), at), 'envoys ');
  assert.equal(stepOffset(text, 0, -1, 'character'), 0);
});

test('adjusting a passage moves one end and keeps it trimmed; it cannot become empty', () => {
  assert.equal(quote(adjustSpan(text, span('envoys met'), 'end', 1, 'word')), 'envoys met in');
  assert.equal(quote(adjustSpan(text, span('envoys met'), 'start', -1, 'word')), 'The envoys met');
  assert.equal(quote(adjustSpan(text, span('envoys met'), 'end', -1, 'character')), 'envoys me');
  assert.equal(quote(adjustSpan(text, span('met'), 'end', -1, 'word')), null);
});
