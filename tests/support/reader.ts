// Reader helpers for e2e tests: select a phrase as a user would (a DOM selection, then mouseup).
import type { Page } from 'playwright-core';

export async function openDocument(page: Page, titleFragment: string): Promise<void> {
  await page.locator('.doc-item', { hasText: titleFragment }).first().click();
  await page.locator('.reader .doc-headline', { hasText: titleFragment }).waitFor();
}

export async function selectPhrase(page: Page, phrase: string): Promise<void> {
  const found = await page.evaluate((text) => {
    const paragraphs = [...document.querySelectorAll<HTMLElement>('.reader-text [data-start]')];
    const p = paragraphs.find((el) => el.textContent?.includes(text));
    const node = p?.firstChild;
    if (!p || !node) return false;
    const at = p.textContent!.indexOf(text);
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    const rect = range.getBoundingClientRect();
    p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: rect.right, clientY: rect.bottom }));
    return true;
  }, phrase);
  if (!found) throw new Error(`phrase not found in the reader: ${phrase}`);
}

export async function highlightAndTag(page: Page, phrase: string, tag: string): Promise<void> {
  await selectPhrase(page, phrase);
  await page.keyboard.press('t');
  const input = page.getByRole('textbox', { name: 'Tag' });
  await input.waitFor();
  await input.fill(tag);
  await input.press('Enter');
  await page.locator('.highlight-toolbar .tag-chip', { hasText: tag }).waitFor();
  await input.press('Escape');
}

/** Headlines of seed reports, as the library and the reader show them (titles from seeds/manifest.json). */
export const SEED_ISTANBUL = 'US and Russia Diplomats Meet in Istanbul';
export const SEED_TURKEY = 'Russian and US Diplomats Meet in Turkey';
export const SEED_PREPARATIONS = 'Preparations Under Way for Trump–Putin Meeting';
/** Seed 000 paraphrases seed 002: the pair corroboration must match paragraph by paragraph. */
export const SEED_PARAPHRASE = 'Putin Commends Trump’s “Pragmatism”';
export const SEED_ORIGINAL = 'Putin Voices “Hope” for US Ties';
