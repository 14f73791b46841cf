// A note holding formatting the editor does not know (a superscript written by another tool or a newer Gloss)
// opens read-only with the reason, in the real renderer, and typing into it never saves over the note.
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launchApp, type AppSession } from '../support/app.js';
import { openDocument } from '../support/reader.js';

const TITLE = 'US and Russia Diplomats Meet in Istanbul';
const NOTE = JSON.stringify({
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Talks in round ' },
        { type: 'text', text: '2', marks: [{ type: 'superscript' }] },
      ],
    },
  ],
});

let app: AppSession;
before(async () => {
  app = await launchApp();
});
after(async () => {
  await app?.close();
});

function storedNote(): string | undefined {
  const db = new Database(path.join(app.dataDir, 'Default.gloss'), { readonly: true });
  try {
    return db.prepare('SELECT content FROM notes WHERE highlight_id IS NULL').pluck().get() as string | undefined;
  } finally {
    db.close();
  }
}

test('a note with unknown formatting is shown read-only with the reason, and never overwritten', async () => {
  const { page } = app;
  await page.locator('.doc-item').first().waitFor();
  const db = new Database(path.join(app.dataDir, 'Default.gloss'));
  const doc = db.prepare('SELECT id FROM documents WHERE title LIKE ?').pluck().get(`${TITLE}%`) as number;
  db.prepare('INSERT INTO notes (document_id, content, text) VALUES (?, ?, ?)').run(doc, NOTE, 'Talks in round 2');
  db.close();
  await page.reload(); // the renderer may have loaded notes already: start from what is stored now
  await page.locator('.doc-item').first().waitFor();

  await openDocument(page, TITLE);
  await page.locator('.document-note summary').click();
  const notice = page.getByRole('note').filter({ hasText: 'cannot edit' });
  await notice.waitFor();
  assert.equal(
    await notice.textContent(),
    'This note contains formatting Gloss cannot edit (superscript); it is shown read-only so nothing is lost.',
  );
  const editor = page.getByRole('textbox', { name: 'Note on this document' });
  assert.match((await editor.textContent()) ?? '', /Talks in round 2/, 'the text is shown, not blanked');
  assert.equal(await editor.getAttribute('contenteditable'), 'false');
  await editor.click();
  await page.keyboard.type('overwrite');
  await page.keyboard.press('Tab');
  await page.waitForTimeout(1500); // longer than the autosave delay
  assert.equal(storedNote(), NOTE, 'the stored note is untouched');
  await app.screenshot('note-readonly');
});
