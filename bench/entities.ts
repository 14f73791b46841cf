// Entity and date extraction throughput, one thread (what one background worker reads): documents of 2–8 KB from
// the generated bench corpus, and the five seed reports (real news text). `node --import tsx bench/entities.ts [n]`
import fs from 'node:fs';
import path from 'node:path';
import { generateCorpus } from './corpus.js';
import { extractDocument } from '../electron/entities/extract.js';

const count = Number(process.argv[2] ?? 200);
function measure(label: string, texts: string[]): void {
  extractDocument(texts[0], '2025-02-28');
  const started = performance.now();
  let mentions = 0;
  for (const text of texts) mentions += extractDocument(text, '2025-02-28').mentions.length;
  const seconds = (performance.now() - started) / 1000;
  const kb = texts.reduce((n, t) => n + t.length, 0) / 1024;
  console.log(
    `${label}: ${texts.length} docs, ${(texts.length / seconds).toFixed(1)} docs/s, ${(kb / seconds).toFixed(0)} KB/s, ${mentions} mentions`,
  );
}
measure(
  'generated corpus',
  generateCorpus(count).map((d) => d.text),
);
const seeds = path.join(import.meta.dirname, '..', 'seeds');
const seedTexts = fs
  .readdirSync(seeds)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => fs.readFileSync(path.join(seeds, f), 'utf8'));
measure('seed reports x4', [...seedTexts, ...seedTexts, ...seedTexts, ...seedTexts]);
