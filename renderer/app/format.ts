// How the interface writes numbers. Gloss's interface is in English, so counts are grouped the English way.
// Deliberately not toLocaleString(): its first call loads ICU's locale data (50–90 ms in Chromium), on the path of
// the library's first screen.

/** 10006 → "10,006". */
export function formatCount(n: number): string {
  const digits = String(Math.trunc(Math.abs(n)));
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 ? `-${grouped}` : grouped;
}

let collator: Intl.Collator | null = null;

/**
 * Names (tags, collections) in the order a person expects, accents and case aside. Creating the collator loads
 * ICU's data (about 50 ms), so until the first screen is up a plain case-insensitive comparison stands in.
 */
export function compareNames(a: string, b: string): number {
  if (collator) return collator.compare(a, b);
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Creates the collator once the page is idle, then calls `ready` (to sort again what was sorted without it). */
export function loadCollatorWhenIdle(ready: () => void): void {
  const load = () => {
    collator = new Intl.Collator(undefined, { sensitivity: 'base' });
    ready();
  };
  if ('requestIdleCallback' in window) window.requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 500);
}
