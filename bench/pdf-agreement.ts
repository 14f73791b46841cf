// Word-level agreement of Gloss's PDF text with `pdftotext -layout` (Poppler), and — for the generated PDFs,
// whose text is known — with the text as written. Run: node --import tsx bench/pdf-agreement.ts [more.pdf…]
// Words are lower-cased runs of letters and digits, compared as multisets (order-free: -layout sets columns
// side by side); agreement = 2·|common| / (|Gloss| + |other|), the F1 of the two bags of words.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractFile } from '../electron/import/extractors.js';
import { chromiumReportPdf, statementPdf, twoColumnPdf } from '../tests/support/pdfFixtures.js';

interface Sample {
  name: string;
  kind: string;
  bytes: Buffer;
  written?: string;
}

/** Soft hyphens are invisible: pdftotext keeps them inside words, which would split "dipl\u00adomatic" in two. */
const words = (text: string) =>
  text
    .replace(/\u00ad/g, '')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? [];

function bag(list: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of list) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** F1 of two bags of words, and the words only the second has (most frequent first). */
function agreement(ours: string[], theirs: string[]): { f1: number; onlyTheirs: string[] } {
  const a = bag(ours);
  const b = bag(theirs);
  let common = 0;
  for (const [w, n] of a) common += Math.min(n, b.get(w) ?? 0);
  const onlyTheirs = [...b]
    .map(([w, n]) => [w, n - Math.min(n, a.get(w) ?? 0)] as const)
    .filter(([, n]) => n > 0)
    .sort((x, y) => y[1] - x[1])
    .slice(0, 6)
    .map(([w, n]) => `${w}×${n}`);
  return { f1: (2 * common) / (ours.length + theirs.length || 1), onlyTheirs };
}

async function samples(): Promise<Sample[]> {
  const generated = [await statementPdf(), await twoColumnPdf(), await chromiumReportPdf()];
  const kinds: Record<string, string> = {
    'statement.pdf': 'pdf-lib: statement, running header, "- N -" footers, hyphenation, rule',
    'bulletin.pdf': 'pdf-lib: two columns, "Page N of M" footers, hyphenation',
    'review.pdf': 'Chromium: header/footer templates, soft hyphens, table, two columns',
  };
  const list: Sample[] = generated.map((f) => ({
    name: f.name,
    kind: kinds[f.name],
    bytes: f.bytes,
    written: f.paragraphs.join('\n\n'),
  }));
  const publicPdfs = [
    ['/usr/share/doc/libtasn1-doc/libtasn1.pdf', 'pdfTeX manual (Texinfo), 36 pages'],
    ['/usr/share/doc/shared-mime-info/shared-mime-info-spec.pdf', 'LaTeX specification, 17 pages'],
    ...process.argv.slice(2).map((file) => [file, 'given on the command line']),
  ];
  for (const [file, kind] of publicPdfs) {
    if (fs.existsSync(file)) list.push({ name: path.basename(file), kind, bytes: fs.readFileSync(file) });
  }
  return list;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-pdf-agreement-'));
const rows: string[] = [];
for (const s of await samples()) {
  const file = path.join(dir, s.name);
  fs.writeFileSync(file, s.bytes);
  const gloss = words((await extractFile(s.name, s.bytes)).text);
  const poppler = words(execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8'));
  const vsPoppler = agreement(gloss, poppler);
  const vsWritten = s.written ? agreement(gloss, words(s.written)) : null;
  const popplerVsWritten = s.written ? agreement(poppler, words(s.written)) : null;
  rows.push(
    `| ${s.name} | ${s.kind} | ${gloss.length} | ${(vsPoppler.f1 * 100).toFixed(1)} % | ` +
      `${vsWritten ? `${(vsWritten.f1 * 100).toFixed(1)} %` : '—'} | ` +
      `${popplerVsWritten ? `${(popplerVsWritten.f1 * 100).toFixed(1)} %` : '—'} | ${vsPoppler.onlyTheirs.join(' ')} |`,
  );
}
fs.rmSync(dir, { recursive: true, force: true });
console.log(
  '| PDF | kind | Gloss words | Gloss vs pdftotext -layout | Gloss vs text as written | pdftotext vs text as written | words only pdftotext has |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- |');
console.log(rows.join('\n'));
