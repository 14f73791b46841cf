// Editing attributes in the real renderer: a choice still in use cannot be removed (the dialog names the
// documents), a rename of the attribute and of a choice carries the documents' values and is undone by Ctrl+Z; and
// a from–to date range narrows the library and a retrieval.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchApp, type AppSession } from '../support/app.js';
import { callApi } from '../support/page.js';

let app: AppSession;
before(async () => {
  app = await launchApp();
});
after(async () => {
  await app?.close();
});

interface Definition {
  id: number;
  name: string;
  choices: string[];
}

const DATES = ['2025-02-20', '2025-02-25', '2025-02-27', '2025-03-02', '2025-03-10'];

test('rename an attribute and its choices, refused removal named, undo; a date range filters', async () => {
  const { page } = app;
  await page.locator('.doc-list .doc-item').first().waitFor();
  const docs = await callApi<{ id: number; title: string }[]>(page, 'documents.list', {});
  assert.equal(docs.length, 5);
  const type = await callApi<Definition>(page, 'attributes.define', {
    name: 'Outlet type',
    kind: 'choice',
    choices: ['State', 'Privat'],
  });
  const published = await callApi<Definition>(page, 'attributes.define', { name: 'Published', kind: 'date' });
  const set = (definitionId: number, documentIds: number[], value: string) =>
    callApi(page, 'attributes.set', { definitionId, documentIds, value });
  await set(type.id, [docs[0].id], 'State');
  await set(
    type.id,
    docs.slice(1).map((d) => d.id),
    'Privat',
  );
  for (const [i, d] of docs.entries()) await set(published.id, [d.id], DATES[i]);
  const tag = await callApi<{ id: number }>(page, 'tags.create', { name: 'Embassy' });
  for (const d of docs)
    await callApi(page, 'highlights.create', { documentId: d.id, start: 0, end: 12, tagIds: [tag.id] });
  await page.reload();
  await page.locator('.doc-list .doc-item').first().waitFor();

  // Removing a choice a document has is refused, and the dialog says which document.
  await page.getByRole('button', { name: 'Attributes…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Document attributes' });
  await dialog.getByRole('button', { name: 'Edit Outlet type' }).click();
  const editor = dialog.getByRole('form', { name: 'Edit attribute Outlet type' });
  await editor.getByRole('button', { name: 'Remove choice State' }).click();
  await editor.getByRole('button', { name: 'Save' }).click();
  const refusal = editor.locator('.error');
  await refusal.waitFor();
  assert.match(
    (await refusal.textContent())!,
    new RegExp(`“State” cannot be removed while a document has it: “${docs[0].title.slice(0, 20)}`),
  );
  await app.screenshot('attributes-edit-refused');
  await editor.getByRole('button', { name: 'Cancel' }).click();

  // Rename the attribute, fix a choice's spelling, add one: one save.
  await dialog.getByRole('button', { name: 'Edit Outlet type' }).click();
  await editor.waitFor();
  await editor.getByLabel('Attribute name').fill('Ownership');
  await editor.getByLabel('Choice 2', { exact: true }).fill('Private');
  await editor.getByText('was Privat').waitFor();
  await editor.getByRole('button', { name: '+ Add a choice' }).click();
  await editor.getByLabel('Choice 3', { exact: true }).fill('Wire');
  await app.screenshot('attributes-edit-choices');
  await editor.getByRole('button', { name: 'Save' }).click();
  await editor.waitFor({ state: 'detached' });
  const row = dialog.locator('.attribute-table tr', { hasText: 'Ownership' });
  await row.getByText('(State, Private, Wire)').waitFor();
  assert.equal(await row.locator('td').nth(2).textContent(), '5');
  await app.screenshot('attributes-edit-saved');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The library filters by the renamed value.
  await page.getByLabel('Filter by attribute').selectOption('Ownership');
  await page.getByLabel('Ownership value').selectOption('Private');
  await page.locator('.library h2', { hasText: /Library\s*4$/ }).waitFor();
  await page.getByLabel('Filter by attribute').selectOption('');

  // Ctrl+Z: the old name, the old spelling, on the same documents.
  await page.locator('.library h2').click();
  await page.keyboard.press('Control+z');
  await page.locator('.status-message', { hasText: /Undid|Undo/i }).waitFor();
  const [back] = await callApi<Definition[]>(page, 'attributes.definitions', {});
  assert.deepEqual([back.name, back.choices], ['Outlet type', ['State', 'Privat']]);
  const values = await callApi<{ name: string; value: string }[]>(page, 'attributes.forDocument', {
    documentId: docs[1].id,
  });
  assert.equal(values.find((v) => v.name === 'Outlet type')?.value, 'Privat');

  // A date range in the library: from 25 February to 2 March holds three reports.
  await page.getByLabel('Filter by attribute').selectOption('Published');
  await page.getByLabel('Published from').fill('2025-02-25');
  await page.getByLabel('Published to').fill('2025-03-02');
  await page.locator('.library h2', { hasText: /Library\s*3$/ }).waitFor();
  const listed = await page.locator('.doc-list .doc-item').allTextContents();
  for (const i of [1, 2, 3])
    assert.ok(
      listed.some((t) => t.includes(docs[i].title)),
      docs[i].title,
    );
  await app.screenshot('attributes-date-range-library');
  await page.getByLabel('Filter by attribute').selectOption('');

  // And in a retrieval.
  await page.getByRole('button', { name: 'Analysis' }).click();
  await page.getByRole('button', { name: '+ Add a tag' }).click();
  await page.getByLabel('Tag 1', { exact: true }).selectOption({ label: 'Embassy' });
  const summary = page.locator('.retrieval-summary');
  await summary.getByText(/5 passages in 5 documents/).waitFor();
  const builder = page.getByRole('form', { name: 'Query' });
  await builder.getByLabel('Filter by attribute').selectOption('Published');
  await builder.getByLabel('Published to').fill('2025-02-25');
  await summary.getByText(/2 passages in 2 documents/).waitFor();
  await builder.getByLabel('Published from').fill('2025-02-21');
  await summary.getByText(/1 passage in 1 document/).waitFor();
  await summary.getByText(/Published from 2025-02-21 to 2025-02-25/).waitFor();
  await app.screenshot('attributes-date-range-retrieval');
});
