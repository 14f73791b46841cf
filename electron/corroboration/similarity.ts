// TF-IDF vectors over stemmed terms, compared by cosine: explainable (the shared terms and their weights are the
// whole story) and cheap. Inverse document frequencies come from the sentence index, counted per sentence.
import type { Db } from '../db/connection.js';
import { indexGeneration, sentenceCount, termFrequencies } from '../db/sentences.js';
import { shinglesOf } from './text.js';

/** Cosine at or above which two sentences are taken to state the same thing (chosen on the labelled pairs). */
export const SAME_CLAIM = 0.26;
/** Share of shared word 3-grams at or above which the wording is copied, not just the facts. */
export const COPY = 0.5;

export class TermStats {
  constructor(
    private readonly df: Map<string, number>,
    readonly sentences: number,
  ) {}

  frequency(term: string): number {
    return this.df.get(term) ?? 0;
  }

  idf(term: string): number {
    return Math.log((this.sentences + 1) / (this.frequency(term) + 1)) + 1;
  }
}

const statsCache = new WeakMap<Db, { generation: string; stats: TermStats }>();

/** Term frequencies of the whole index, read once per state of the index. */
export function termStats(db: Db): TermStats {
  const generation = indexGeneration(db);
  const cached = statsCache.get(db);
  if (cached?.generation === generation) return cached.stats;
  const stats = new TermStats(termFrequencies(db), sentenceCount(db));
  statsCache.set(db, { generation, stats });
  return stats;
}

export interface Vector {
  weights: Map<string, number>;
  norm: number;
}

/** Sublinear term frequency × inverse document frequency. */
export function vectorOf(terms: string[], stats: TermStats): Vector {
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  const weights = new Map<string, number>();
  let sum = 0;
  for (const [term, count] of counts) {
    const w = (1 + Math.log(count)) * stats.idf(term);
    weights.set(term, w);
    sum += w * w;
  }
  return { weights, norm: Math.sqrt(sum) };
}

export function cosine(a: Vector, b: Vector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small.weights) {
    const other = large.weights.get(term);
    if (other !== undefined) dot += w * other;
  }
  return dot / (a.norm * b.norm);
}

/** Fewest terms two sentences must share to state the same thing: one or two shared names are a topic, not a claim. */
export const MIN_SHARED = 3;

/** Cosine, or 0 when the two share fewer than MIN_SHARED terms. */
export function claimSimilarity(a: Vector, b: Vector): number {
  let shared = 0;
  for (const term of a.weights.keys()) if (b.weights.has(term)) shared++;
  return shared < MIN_SHARED ? 0 : cosine(a, b);
}

/** The terms two vectors share, heaviest first: why they were matched. */
export function sharedTerms(a: Vector, b: Vector, max = 8): string[] {
  return [...a.weights.keys()]
    .filter((t) => b.weights.has(t))
    .sort((x, y) => a.weights.get(y)! * b.weights.get(y)! - a.weights.get(x)! * b.weights.get(x)!)
    .slice(0, max);
}

/** Share of the shorter text's word 3-grams found in the other: 1 for a verbatim copy, near 0 for a rewrite. */
export function copiedShare(a: string, b: string): number {
  const x = shinglesOf(a);
  const y = shinglesOf(b);
  if (x.size === 0 || y.size === 0) return 0;
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / small.size;
}
