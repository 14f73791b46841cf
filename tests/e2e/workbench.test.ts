// The workbench's edit path as an analyst meets it: undo of anything (a tag with its passages, a document), undo
// after a reload, the command palette, and one request per highlight.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { launchApp, type AppSession } from '../support/app.js';
import { SEED_ISTANBUL, SEED_TURKEY, highlightAndTag, openDocument, selectPhrase } from '../support/reader.js';

let app: AppSession;
before(async () => {
  app = await launchApp();
});
after(async () => {
  await app?.close();
});

const DOC_A = SEED_ISTANBUL;
const DOC_B = SEED_TURKEY;

/** API calls the page makes while `action` runs (and until the UI settles). */
async function apiRequestsDuring(page: Page, action: () => Promise<void>): Promise<string[]> {
  const calls: string[] = [];
  const onRequest = (request: { url(): string }) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/api/')) calls.push(decodeURIComponent(pathname.slice(5)));
  };
  page.on('request', onRequest);
  try {
    await action();
    await page.waitForTimeout(400);
  } finally {
    page.off('request', onRequest);
  }
  return calls;
}

async function noteOnSelected(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Note on this passage' }).click();
  await page.keyboard.type(text);
  await page.getByText('Note saved.').waitFor();
}

test('creating a highlight sends exactly one request and paints it', async () => {
  const { page } = app;
  await openDocument(page, DOC_A);
  await page.locator('.margin-panel').waitFor();
  await page.waitForTimeout(300);
  await selectPhrase(page, 'diplomats from both countries met in Istanbul');
  const calls = await apiRequestsDuring(page, async () => {
    await page.keyboard.press('h');
    await page.locator('.margin-item.selected', { hasText: 'diplomats from both countries' }).waitFor();
  });
  // "Reported by N outlets" badges are read lazily once the margin is still (renderer/corroboration/counts.ts),
  // by the corroboration worker: a read of their own, not part of the edit.
  assert.deepEqual(
    calls.filter((op) => op !== 'corroboration.counts'),
    ['highlights.create'],
  );
  const painted = await page.evaluate(() =>
    [...(CSS as unknown as { highlights: Map<string, { size: number }> }).highlights.entries()]
      .filter(([name]) => name.startsWith('gloss-c'))
      .reduce((n, [, h]) => n + h.size, 0),
  );
  assert.equal(painted, 1);
  // The library row's tag count and the margin came from the write's changes, not from re-reading.
  await page.keyboard.press('Escape');
});

test('undo of a tag deletion restores the tag, its passages and their notes', async () => {
  const { page } = app;
  await openDocument(page, DOC_B);
  await highlightAndTag(page, 'Russian and U.S. diplomats convened in Istanbul', 'Embassy dispute');
  await page.locator('.margin-item', { hasText: 'convened in Istanbul' }).locator('.margin-quote').click();
  await noteOnSelected(page, 'Both sides framed it as technical.');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Themes' }).click();
  const row = page.locator('.codebook-row', { hasText: 'Embassy dispute' });
  await row.getByRole('button', { name: 'Edit Embassy dispute' }).click();
  await page.getByLabel('When deleting').selectOption('delete');
  await page.locator('.tag-editor').getByRole('button', { name: 'Delete' }).click();
  await row.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Reader' }).click();
  await openDocument(page, DOC_B);
  await page.locator('.margin-item', { hasText: 'convened in Istanbul' }).waitFor({ state: 'detached' });

  await page.locator('.reader').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await page.locator('.statusbar', { hasText: 'Undid: Delete tag “Embassy dispute”' }).waitFor();
  const item = page.locator('.margin-item', { hasText: 'convened in Istanbul' });
  await item.waitFor();
  await item.locator('.tag-chip', { hasText: 'Embassy dispute' }).waitFor();
  await item.locator('.margin-note', { hasText: 'Both sides framed it as technical.' }).waitFor();
  await page.getByRole('button', { name: 'Themes' }).click();
  await page.locator('.codebook-row', { hasText: 'Embassy dispute' }).waitFor();
});

test('undo works after a reload, from the project file alone', async () => {
  const { page } = app;
  await page.getByRole('button', { name: 'Reader' }).click();
  await openDocument(page, DOC_A);
  const item = page.locator('.margin-item', { hasText: 'diplomats from both countries' });
  await item.locator('.margin-quote').click();
  await page.keyboard.press('Delete');
  await item.waitFor({ state: 'detached' });

  await page.reload();
  await openDocument(page, DOC_A);
  await page.locator('.reader').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await item.waitFor();
  await page.locator('.statusbar', { hasText: 'Undid: Delete highlight' }).waitFor();
  await page.keyboard.press('Control+Shift+z');
  await item.waitFor({ state: 'detached' });
  await page.keyboard.press('Control+z');
  await item.waitFor();
});

test('Ctrl+K lists every command with its shortcut and runs one; a document is deleted and brought back', async () => {
  const { page } = app;
  await openDocument(page, DOC_B);
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.waitFor();
  const options = palette.getByRole('option');
  assert.ok((await options.count()) >= 15, 'every command is listed');
  assert.match((await palette.getByRole('option', { name: /Undo/ }).first().textContent()) ?? '', /Ctrl\+Z/);
  await app.screenshot('command-palette');
  await page.keyboard.type('delete the open document');
  await page.keyboard.press('Enter');
  await palette.waitFor({ state: 'detached' });
  await page.locator('.doc-item', { hasText: DOC_B }).waitFor({ state: 'detached' });
  assert.equal(await page.locator('.doc-list .doc-item').count(), 4);
  await page.locator('.statusbar', { hasText: 'Ctrl+Z brings it back' }).waitFor();

  await page.keyboard.press('Control+z');
  await page.locator('.doc-item', { hasText: DOC_B }).waitFor();
  await openDocument(page, DOC_B);
  const item = page.locator('.margin-item', { hasText: 'convened in Istanbul' });
  await item.locator('.tag-chip', { hasText: 'Embassy dispute' }).waitFor();
  await item.locator('.margin-note', { hasText: 'Both sides framed it as technical.' }).waitFor();
});

test('a note whose save fails is kept, retried and said so, never dropped', async () => {
  const { page } = app;
  await page.getByRole('button', { name: 'Reader' }).click();
  await openDocument(page, DOC_A);
  await page.locator('.margin-item', { hasText: 'diplomats from both countries' }).locator('.margin-quote').click();
  let refused = 0;
  await page.route('**/api/notes.save', async (route) => {
    if (refused++ === 0) {
      await route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ ok: false, error: { code: 'internal', message: 'disk is full' } }),
      });
    } else {
      await route.continue();
    }
  });
  await page.getByRole('textbox', { name: 'Note on this passage' }).click();
  await page.keyboard.type('Kept through a failed save.');
  await page.locator('.status-message.sticky', { hasText: 'Note not saved (disk is full); retrying' }).waitFor();
  await page.getByText('Note saved.').waitFor({ timeout: 10_000 });
  await page.unroute('**/api/notes.save');
  await page.reload();
  await openDocument(page, DOC_A);
  await page
    .locator('.margin-item', { hasText: 'diplomats from both countries' })
    .locator('.margin-note', { hasText: 'Kept through a failed save.' })
    .waitFor();
});

test('a highlight moves to a new selection with M, keeping its tags, and undo puts it back', async () => {
  const { page } = app;
  await page.getByRole('button', { name: 'Reader' }).click();
  await openDocument(page, DOC_B);
  const item = page.locator('.margin-item', { hasText: 'convened in Istanbul' });
  await item.locator('.margin-quote').click();
  await selectPhrase(page, 'Russian and U.S. diplomats convened in Istanbul to address disputes');
  await page.locator('.floating-toolbar', { hasText: 'Move highlight here' }).waitFor();
  await page.keyboard.press('m');
  const moved = page.locator('.margin-item', { hasText: 'to address disputes' });
  await moved.locator('.tag-chip', { hasText: 'Embassy dispute' }).waitFor();
  await page.locator('.reader').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await moved.waitFor({ state: 'detached' });
  await item.waitFor();
});
