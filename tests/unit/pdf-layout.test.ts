import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  continuesSentence,
  isPageNumber,
  largestTextTitle,
  pdfText,
  runningLineKeys,
  usableInfoTitle,
  withoutRules,
  type PdfLine,
  type PdfPage,
} from '../../electron/import/pdfLayout.js';

const HEIGHT = 792;
const body = (texts: string[], top = 700, size = 11): PdfLine[] =>
  texts.map((text, i) => ({ text, y: top - i * 14, size }));

/** A page with a header at the top, body lines, and a footer at the bottom. */
function page(n: number, lines: PdfLine[], header: string | null, footer: string | null): PdfPage {
  const margin: PdfLine[] = [];
  if (header) margin.push({ text: header, y: 740, size: 8 });
  if (footer) margin.push({ text: footer, y: 40, size: 9 });
  return {
    page: n,
    height: HEIGHT,
    lines: [...(header ? [margin[0]] : []), ...lines, ...(footer ? [margin.at(-1)!] : [])],
  };
}

test('a header repeated in the top margin of most pages is running; digits do not make it differ', () => {
  const pages = [1, 2, 3, 4].map((n) =>
    page(n, body([`Body line on page ${n}.`]), `Annual Report 2025 · Chapter ${n}`, `Page ${n} of 4`),
  );
  const keys = runningLineKeys(pages);
  assert.ok(keys.has('annual report # · chapter #'));
  assert.ok(keys.has('page # of #'));
  assert.ok(!keys.has('body line on page #.'), 'the body is not in the margin');
});

test('the same text in the middle of pages is not a running header', () => {
  const pages = [1, 2, 3].map((n) =>
    page(
      n,
      body(['First line.', 'Repeated in the middle of every page.', 'Third line.', 'Fourth line.', 'Fifth.']),
      null,
      null,
    ),
  );
  const text = pdfText(pages).text;
  assert.equal(text.match(/Repeated in the middle/g)?.length, 3);
});

test('a line seen on one page of five in the margin is kept', () => {
  const pages = [1, 2, 3, 4, 5].map((n) => page(n, body([`Page ${n} body text.`]), n === 3 ? 'Only here' : null, null));
  assert.ok(!runningLineKeys(pages).has('only here'));
  assert.match(pdfText(pages).text, /Only here/);
});

test('page numbers in the margin go even when they differ on every page; numbers in the body stay', () => {
  for (const n of ['7', '- 7 -', 'Page 7', 'page 7 of 18', 'xiv', '7 / 18']) assert.ok(isPageNumber(n), n);
  for (const n of ['7 delegates', 'Article 7.', '2025 talks']) assert.ok(!isPageNumber(n), n);
  const pages = [page(1, body(['Intro.', '42', 'More.']), null, '1'), page(2, body(['Next.']), null, 'ii')];
  const { text } = pdfText(pages);
  assert.deepEqual(text.split('\n\n'), ['Intro. 42 More.', 'Next.']);
});

test('rule lines are dropped; underscores inside a line are removed', () => {
  assert.equal(withoutRules('________________'), '');
  assert.equal(withoutRules('- - - - - - - -'), '');
  assert.equal(withoutRules('==========='), '');
  assert.equal(withoutRules('Signature: __________ Date: ______'), 'Signature: Date:');
  assert.equal(withoutRules('-'), '-');
  assert.equal(withoutRules('1990 - 2000'), '1990 - 2000');
});

test('a hyphen at a line end joins the word; a compound the document spells with a hyphen keeps it', () => {
  const lines = body([
    'The long-term plan for both coun-',
    'tries is a long-',
    'term plan with Anglo-',
    'American support.',
  ]);
  assert.equal(
    pdfText([page(1, lines, null, null)]).text,
    'The long-term plan for both countries is a long-term plan with Anglo-American support.',
  );
});

test('a sentence cut by a page break is joined, and the page start points inside it', () => {
  const pages = [
    page(1, body(['The talks covered staffing and']), 'Header', '1'),
    page(2, body(['visas. A new paragraph follows.']), 'Header', '2'),
  ];
  const { text, pages: starts } = pdfText(pages);
  assert.equal(text, 'The talks covered staffing and visas. A new paragraph follows.');
  assert.deepEqual(starts, [
    { page: 1, offset: 0 },
    { page: 2, offset: text.indexOf('visas') },
  ]);
});

test('a paragraph that ended at the page bottom is not joined to the next page', () => {
  const pages = [page(1, body(['It ended here.']), null, null), page(2, body(['Then a new one.']), null, null)];
  assert.deepEqual(pdfText(pages).text.split('\n\n'), ['It ended here.', 'Then a new one.']);
  assert.ok(!continuesSentence('Section 2', 'The next one'));
  assert.ok(!continuesSentence('as follows,', '• a list item'));
  assert.ok(continuesSentence('the ministry said that', 'Washington'));
});

test('a full last line carries the paragraph on even after a full stop', () => {
  const full = (text: string, y: number): PdfLine => ({ text, y, size: 11, left: 72, right: 540 });
  const short = (text: string, y: number): PdfLine => ({ text, y, size: 11, left: 72, right: 300 });
  const pages: PdfPage[] = [
    {
      page: 1,
      height: HEIGHT,
      lines: ['One', 'Two', 'Three', 'Four', 'Five'].map((word, i) => full(`${word} runs to the edge.`, 700 - i * 14)),
    },
    {
      page: 2,
      height: HEIGHT,
      lines: [short('It goes on here.', 700), full('Another line.', 672), short('And one more.', 658)],
    },
  ];
  assert.deepEqual(pdfText(pages).text.split('\n\n'), [
    'One runs to the edge. Two runs to the edge. Three runs to the edge. Four runs to the edge. Five runs to the edge. It goes on here.',
    'Another line. And one more.',
  ]);
});

test('title: the document info when it is a real title, else the largest text on page 1', () => {
  assert.equal(usableInfoTitle('Consular Bulletin'), 'Consular Bulletin');
  for (const t of ['', 'Untitled', 'Microsoft Word - draft3.docx', 'report.pdf', 'about:blank', 42]) {
    assert.equal(usableInfoTitle(t), null, String(t));
  }
  const first: PdfPage = {
    page: 1,
    height: HEIGHT,
    lines: [
      { text: 'Statement By', y: 720, size: 10 },
      { text: 'Ambassador Jane Roe', y: 706, size: 10 },
      { text: 'Employee', y: 660, size: 24 },
      { text: 'HANDBOOK', y: 632, size: 24 },
      ...body(['Body text.', 'More body text.'], 600, 10),
    ],
  };
  assert.equal(largestTextTitle([first]), 'Employee HANDBOOK');
  assert.equal(largestTextTitle([{ page: 1, height: HEIGHT, lines: body(['All one size.', 'Still.']) }]), null);
});

test('a title that later pages repeat as their running header stays on page 1', () => {
  const title: PdfLine = { text: 'Shared MIME-info Database', y: 740, size: 24 };
  const pages = [
    { page: 1, height: HEIGHT, lines: [title, ...body(['Introduction text.', 'More text.'], 690)] },
    page(2, body(['Second page text.', 'More.']), 'Shared MIME-info Database', '2'),
    page(3, body(['Third page text.', 'More.']), 'Shared MIME-info Database', '3'),
  ];
  const { text } = pdfText(pages);
  assert.equal(text.match(/Shared MIME-info Database/g)?.length, 1);
  assert.ok(text.startsWith('Shared MIME-info Database\n\n'));
  assert.equal(largestTextTitle(pages), 'Shared MIME-info Database');
});
