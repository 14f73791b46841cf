// How the interface writes numbers. Gloss's interface is in English, so counts are grouped the English way.
// Deliberately not toLocaleString(): its first call loads ICU's locale data (50–90 ms in Chromium), on the path of
// the library's first screen.

/** 10006 → "10,006". */
export function formatCount(n: number): string {
  const digits = String(Math.trunc(Math.abs(n)));
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 ? `-${grouped}` : grouped;
}
