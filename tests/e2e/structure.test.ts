// The reader shows documents as they were written (issue 12): the seed report's section headings are real
// headings, an imported article's lists, quotes, tables and code render as such, and highlighting across them works.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { launchApp, type AppSession } from '../support/app.js';
import { SEED_ISTANBUL, openDocument } from '../support/reader.js';
import { tempDir } from '../support/temp.js';

let app: AppSession;
before(async () => {
  app = await launchApp();
});
after(async () => {
  await app?.close();
});

/** Selects from the start of one phrase to the end of another, across elements, as a drag would; then mouseup. */
async function selectAcross(page: Page, from: string, to: string): Promise<void> {
  const found = await page.evaluate(
    ([a, b]) => {
      const elements = [...document.querySelectorAll<HTMLElement>('.reader-text [data-start]')];
      const first = elements.find((el) => el.textContent?.includes(a));
      const last = elements.find((el) => el.textContent?.includes(b));
      if (!first?.firstChild || !last?.firstChild) return false;
      first.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(first.firstChild, first.textContent!.indexOf(a));
      range.setEnd(last.firstChild, last.textContent!.indexOf(b) + b.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      const rect = range.getBoundingClientRect();
      last.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: rect.right, clientY: rect.bottom }));
      return true;
    },
    [from, to],
  );
  assert.ok(found, `phrases not found in the reader: ${from} … ${to}`);
}

/** Text of the passages the highlights cover, as the CSS Custom Highlight registry holds them. */
function paintedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    return [...registry.entries()]
      .filter(([name]) => name.startsWith('gloss-c'))
      .flatMap(([, ranges]) => [...ranges].map((r) => r.toString()));
  });
}

test('the seed report shows its section headings as headings, and a highlight across one is stored and painted', async () => {
  const { page } = app;
  await openDocument(page, SEED_ISTANBUL);
  const headings = page.locator('.reader-text h2.doc-heading');
  await headings.first().waitFor();
  assert.deepEqual(await headings.allTextContents(), [
    'A Shift in US Foreign Policy Under Trump',
    'Diplomatic Relations at a Low Point',
    'Ukraine’s Absence from the Talks',
    'Turkey’s Role in Facilitating the Talks',
    'The Broader Implications and Future Outlook',
  ]);
  await selectAcross(page, 'primary goal was to address issues', 'The recent talks in Saudi Arabia');
  await page.keyboard.press('h');
  const item = page.locator('.margin-item', { hasText: 'primary goal was to address' });
  await item.waitFor();
  await page.waitForFunction(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0);
  const painted = (await paintedText(page)).join(' ');
  assert.match(painted, /primary goal was to address issues/);
  assert.match(painted, /A Shift in US Foreign Policy Under Trump/, 'the heading is inside the painted passage');
  assert.match(painted, /The recent talks in Saudi Arabia/);
  await app.screenshot('structure-seed-headings');
});

const ARTICLE = `<!doctype html><html lang="en"><head><title>Embassy talks: what was agreed</title>
<meta property="og:site_name" content="Example Wire"><meta name="author" content="Example Wire"></head>
<body><article>
<h1>Embassy talks: what was agreed</h1>
<p>Russian and US delegations met for more than six hours at the US consul general's residence in Istanbul on
Thursday to discuss how their embassies operate, officials on both sides said afterwards.</p>
<h2>The agenda</h2>
<p>Three subjects took most of the day, according to a State Department official who briefed reporters:</p>
<ul>
  <li>Staffing levels at both embassies
    <ul><li>Visas for incoming diplomats</li><li>Limits on local hires</li></ul></li>
  <li>Diplomatic banking, frozen since 2022</li>
  <li>Property seized in earlier expulsions</li>
</ul>
<h2>What happens next</h2>
<ol><li>Each side reports to its foreign ministry.</li><li>A second round is set for the spring.</li></ol>
<blockquote><p>We will know soon if Russia is really willing to engage in good faith.</p></blockquote>
<h3>Staff numbers</h3>
<table><thead><tr><th>Mission</th><th>Accredited staff</th><th>Change since 2017</th></tr></thead>
<tbody><tr><td>US embassy, Moscow</td><td>about 150</td><td>down from 1,200</td></tr>
<tr><td>Russian embassy, Washington</td><td>about 200</td><td>down by half</td></tr></tbody></table>
<h3>The communiqué</h3>
<pre>ROUND 1  Riyadh    18 Feb
ROUND 2  Istanbul  27 Feb</pre>
<p>Neither government named the participants.</p>
</article></body></html>`;

test('an imported article renders its headings, lists, quote, table and code; highlighting across a list works', async () => {
  const { page } = app;
  const file = path.join(tempDir(), 'embassy-talks.html');
  fs.writeFileSync(file, ARTICLE);
  await page.getByLabel('Import files').setInputFiles([file]);
  await openDocument(page, 'Embassy talks: what was agreed');
  const reader = page.locator('.reader-text');
  await reader.locator('h2.doc-heading', { hasText: 'The agenda' }).waitFor();
  assert.equal(await reader.locator('.reader-block > ul.doc-list > li').count(), 3);
  assert.equal(await reader.locator('ul.doc-list ul.doc-list > li').count(), 2, 'nested list');
  assert.equal(await reader.locator('ol.doc-list > li').count(), 2);
  assert.equal(await reader.locator('blockquote.doc-quote p').count(), 1);
  assert.deepEqual(await reader.locator('table.doc-table th').allTextContents(), [
    'Mission',
    'Accredited staff',
    'Change since 2017',
  ]);
  assert.equal(await reader.locator('table.doc-table tr').count(), 3);
  assert.equal(await reader.locator('pre.doc-pre .doc-pre-line').count(), 2);
  assert.equal(await reader.locator('h3.doc-heading').count(), 2);
  assert.equal(
    await page.locator('.reader .doc-byline').textContent(),
    'Example Wire',
    'the outlet is not repeated as the byline',
  );

  await selectAcross(page, 'Visas for incoming', 'frozen since 2022');
  await page.keyboard.press('h');
  await page.locator('.margin-item', { hasText: 'Visas for incoming' }).waitFor();
  const painted = (await paintedText(page)).join(' ');
  assert.match(painted, /Visas for incoming diplomats/);
  assert.match(painted, /Limits on local hires/);
  assert.match(painted, /Diplomatic banking, frozen since 2022/);
  await page.keyboard.press('Escape');
  await reader.locator('h2.doc-heading', { hasText: 'The agenda' }).evaluate((el) => el.scrollIntoView());
  await app.screenshot('structure-html-article');
});
