import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseQuery, termMatcher } from '../../electron/search/query.js';
import { ftsPhrase, searchTextFor } from '../../electron/search/searchText.js';
import { makeSnippet } from '../../electron/search/snippet.js';

test('texts unicode61 already handles get no derived search text', () => {
  assert.equal(searchTextFor('Talks in Istanbul, переговоры в Стамбуле'), null);
});

test('CJK runs are indexed as overlapping bigrams plus their last character; other words stay', () => {
  assert.equal(searchTextFor('美国大使馆')!.trim(), '美国 国大 大使 使馆 馆');
  assert.equal(searchTextFor('iPhone手机')!.replace(/\s+/g, ' '), 'iPhone 手机 机 ');
  assert.equal(searchTextFor('أيضًا')!.trim(), 'أيضا');
});

test('a CJK query becomes the phrase of its bigrams; a lone last character becomes a prefix', () => {
  assert.equal(ftsPhrase('大使馆', false), '"大使 使馆"');
  assert.equal(ftsPhrase('谈', false), '"谈"*');
  assert.equal(ftsPhrase('手机iPhone', false), '"手机 机 iPhone"');
  assert.equal(ftsPhrase('第3回', false), '"第 3 回"*');
  assert.equal(ftsPhrase('embassy', true), '"embassy"*');
  assert.equal(
    ftsPhrase('대사관', false),
    '"대사 사관"',
    'Korean particles attach to words, so Hangul is bigrammed too',
  );
  assert.equal(parseQuery('大使馆 NOT 会谈')?.fts, '"大使 使馆" NOT "会谈"');
  assert.deepEqual(
    parseQuery('大使馆 NOT 会谈')?.terms,
    [{ text: '大使馆', prefix: false }],
    'NOT terms are not marked',
  );
});

test('matches are located as the index sees words: whole words, CJK anywhere, marks tolerated', () => {
  const visa = termMatcher([{ text: 'visa', prefix: false }]);
  assert.deepEqual(visa.locate('visas, then a visa'), { offset: 14, length: 4 });
  assert.deepEqual(termMatcher([{ text: 'vis', prefix: true }]).locate('the visas'), { offset: 4, length: 5 });
  assert.deepEqual(termMatcher([{ text: '6時間', prefix: false }]).locate('約6時間にわたり'), { offset: 1, length: 3 });
  assert.deepEqual(termMatcher([{ text: 'أيضا', prefix: false }]).locate('اتفقا أيضًا على'), { offset: 6, length: 5 });
});

test("snippets show the match in context, mark every term and drop the text's own control characters", () => {
  const terms = termMatcher(parseQuery('embassy staff*')!.terms);
  const passage = 'the \u0002embassy\u0003 staffing talks went on.';
  const text = `${'Preamble words '.repeat(20)}${passage}${' Afterword'.repeat(30)}`;
  const snippet = makeSnippet(text, terms, terms.locate(text));
  assert.match(snippet, /^….*the \u0002embassy\u0003 \u0002staffing\u0003 talks went on\..*…$/);
  assert.equal(snippet.replace(/\u0002[^\u0003]*\u0003/g, '').match(/[\u0002\u0003]/), null);
  assert.ok(snippet.length < 240, snippet);
});
