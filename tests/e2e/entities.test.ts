// The Entities view (Ctrl+7) and the Timeline (Ctrl+8) in the real renderer: the sample corpus is read in the
// background when the view first opens; an entity lists its mentions, which open in the reader; renaming is undone
// by Ctrl+Z; a relative date without a publication date waits in the undated list until the analyst dates it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchApp, type AppSession } from '../support/app.js';
import { SEED_ISTANBUL, SEED_ORIGINAL, SEED_TURKEY } from '../support/reader.js';

let app: AppSession;
before(async () => {
  app = await launchApp();
});
after(async () => {
  await app?.close();
});

test('the Entities view finds the people and places of the talks, and a mention opens in the reader', async () => {
  const { page } = app;
  await page.locator('.library-filters').first().waitFor();
  await page.keyboard.press('Control+7');
  const putin = page.locator('.entity-row', { hasText: 'Vladimir Putin' });
  await putin.waitFor({ timeout: 60_000 });
  await page.locator('.reading-progress', { hasText: '5 documents read' }).waitFor({ timeout: 60_000 });
  assert.equal(await page.locator('.entity-row', { hasText: /^person\s*Putin/ }).count(), 0, '“Putin” merged');
  for (const name of ['Sergey Lavrov', 'Marco Rubio', 'Istanbul', 'Turkey'])
    await page.locator('.entity-row', { hasText: name }).first().waitFor();
  await putin.getByRole('button').click();
  const detail = page.getByRole('region', { name: 'Entity Vladimir Putin' });
  await detail.locator('.entity-aliases', { hasText: 'Putin' }).waitFor();
  await detail.locator('.entity-mention').first().waitFor();
  await app.screenshot('entities-view');
  await page.getByRole('tab', { name: 'Places' }).click();
  const turkey = page.locator('.entity-row', { hasText: 'Turkey' });
  await turkey.getByRole('button').click();
  await page
    .getByRole('region', { name: 'Entity Turkey' })
    .locator('.entity-aliases', { hasText: 'Turkiye' })
    .waitFor();
  await page.getByRole('region', { name: 'Entity Turkey' }).locator('.entity-mention').first().click();
  await page.locator('.reader .doc-headline').waitFor();
});

test('renaming an entity is undone by Ctrl+Z, and its mentions can be coded as a tag', async () => {
  const { page } = app;
  await page.keyboard.press('Control+7');
  await page.getByRole('tab', { name: 'People' }).click();
  await page.getByLabel('Filter entities').fill('Lavrov');
  await page.locator('.entity-row', { hasText: 'Sergey Lavrov' }).getByRole('button').click();
  const name = page.getByLabel('Entity name');
  await name.fill('Sergei Lavrov');
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('Filter entities').fill('');
  await page.locator('.entity-row', { hasText: 'Sergei Lavrov' }).waitFor();
  await page.locator('.entities h2').click();
  await page.keyboard.press('Control+z');
  await page.locator('.entity-row', { hasText: 'Sergey Lavrov' }).waitFor();
  await page.locator('.entity-row', { hasText: 'Sergey Lavrov' }).getByRole('button').click();
  await page.getByRole('button', { name: 'Code as tag' }).click();
  await page.locator('.status-message', { hasText: /Coded \d+ mentions with the tag Sergey Lavrov/ }).waitFor();
});

async function setPublished(title: string, day: string) {
  const { page } = app;
  await page.locator('.doc-item', { hasText: title }).click();
  await page.getByRole('button', { name: 'Edit details' }).click();
  const form = page.getByRole('form', { name: 'Document details' });
  await form.getByLabel('Published').fill(day);
  await form.getByRole('button', { name: 'Save' }).click();
  await page.locator('.doc-item', { hasText: title }).locator('.doc-meta', { hasText: day }).waitFor();
}

test('the Timeline dates relative dates from publication dates; an undated one is dated by hand', async () => {
  const { page } = app;
  await setPublished(SEED_ISTANBUL, '2025-02-28');
  await setPublished(SEED_ORIGINAL, '2025-02-28');
  await setPublished(SEED_TURKEY, '2025-03-01');
  await page.keyboard.press('Control+8');
  const side = page.getByRole('complementary', { name: 'Events' });
  // "met in Istanbul on Thursday", published on Friday 28 February 2025.
  const istanbul = side.locator('.timeline-event', { hasText: 'met in Istanbul on Thursday' });
  await istanbul.locator('.date-line', { hasText: '2025-02-27' }).waitFor({ timeout: 60_000 });
  await page.locator('.timeline-chart svg circle').first().waitFor();
  const saturday = side
    .locator('.timeline-event', { hasText: 'undated' })
    .filter({ hasText: 'deputy foreign minister on Saturday' });
  await saturday.locator('input[type=date]').fill('2025-03-01');
  await saturday.getByRole('button', { name: 'Save date' }).click();
  const dated = side
    .locator('.timeline-event', { hasText: 'deputy foreign minister on Saturday' })
    .filter({ hasText: 'corrected' });
  await dated.locator('.date-line', { hasText: '2025-03-01' }).waitFor();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Fit' }).click();
  await side.getByText('Claims without a date').click();
  await side.locator('.undated-claims .entity-mention').first().waitFor({ timeout: 60_000 });
  await side.getByText('Claims without a date').click();
  await app.screenshot('timeline-view');
  await istanbul.locator('.entity-mention').click();
  await page.locator('.reader .doc-headline', { hasText: SEED_ISTANBUL }).waitFor();
});
