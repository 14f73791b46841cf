// Entity and date extraction throughput, one thread (what one background worker reads): documents of 2–8 KB from
// the generated bench corpus, the five seed reports (real news text), and the seed text cut into 5 KB reports.
// Each set is read once to warm up (the worker is long-lived), then timed. `node --import tsx bench/entities.ts [n]`
import fs from 'node:fs';
import path from 'node:path';
import { generateCorpus } from './corpus.js';
import { extractDocument } from '../electron/entities/extract.js';

const count = Number(process.argv[2] ?? 200);
function measure(label: string, texts: string[]): void {
  for (const text of texts) extractDocument(text, '2025-02-28');
  const started = performance.now();
  let mentions = 0;
  for (const text of texts) mentions += extractDocument(text, '2025-02-28').mentions.length;
  const seconds = (performance.now() - started) / 1000;
  const kb = texts.reduce((n, t) => n + t.length, 0) / 1024;
  console.log(
    `${label}: ${texts.length} docs of ${(kb / texts.length).toFixed(1)} KB, ${(texts.length / seconds).toFixed(1)} docs/s, ` +
      `${(kb / seconds).toFixed(0)} KB/s, ${mentions} mentions`,
  );
}

/** The seed text in reports of about `size` characters, cut at paragraph ends. */
function piecesOf(texts: string[], size: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const paragraph of texts.join('\n').split('\n')) {
    piece = piece ? `${piece}\n${paragraph}` : paragraph;
    if (piece.length >= size) {
      pieces.push(piece);
      piece = '';
    }
  }
  return pieces;
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
const times = <T>(n: number, items: T[]) => Array.from({ length: n }, () => items).flat();
measure('seed reports x20', times(20, seedTexts));
measure('seed text in 5 KB reports x20', times(20, piecesOf(seedTexts, 5000)));
