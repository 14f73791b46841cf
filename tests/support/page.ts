// What many e2e tests do to the page besides the behaviour under test: run a command from the palette, and call the
// API the page itself uses (with its own token) to set up data or read back what the UI stored.
import type { Page } from 'playwright-core';

/** Runs a command by typing its label into the command palette (Ctrl+K), as an analyst would. */
export async function runCommand(page: Page, label: string): Promise<void> {
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.waitFor();
  await page.keyboard.type(label);
  await page.keyboard.press('Enter');
  await palette.waitFor({ state: 'detached' });
}

/** One API call from inside the page, through the HTTP transport with the page's token; throws its error message. */
export async function callApi<T>(page: Page, op: string, args: unknown): Promise<T> {
  return page.evaluate(
    async ({ op, args }) => {
      const response = await fetch(`/api/${op}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-gloss-token': sessionStorage.getItem('gloss.token') ?? '' },
        body: JSON.stringify(args),
      });
      const body = (await response.json()) as { ok: boolean; result: unknown; error?: { message: string } };
      if (!body.ok) throw new Error(body.error!.message);
      return body.result;
    },
    { op, args },
  ) as Promise<T>;
}
