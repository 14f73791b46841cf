// Finding the passages of other documents that state the same thing as a passage. Candidates come from the FTS5
// sentence index: sentences sharing at least k of the passage's rarest terms, k chosen so the expected number of
// candidates stays small however common the words are. They are then ranked by TF-IDF cosine, kept above the
// "same claim" threshold, flagged as copies when the wording is shared, and grouped by outlet.
import type { CorroboratingSource, Corroboration, CorroborationMatch } from '../../shared/types.js';
import type { Db } from '../db/connection.js';
import { matchingSentenceIds, sentencesByIds, sourcesOf, textSlices, type SentenceRow } from '../db/sentences.js';
import { ensureIndexed } from './sentenceIndex.js';
import {
  copiedShare,
  COPY,
  claimSimilarity,
  SAME_CLAIM,
  sharedTerms,
  termStats,
  vectorOf,
  type TermStats,
  type Vector,
} from './similarity.js';
import { isClaim, sentenceSpans, termsOf } from './text.js';

/** Terms of a query sentence used to find candidates (its rarest ones). */
const QUERY_TERMS = 8;
/** Expected candidates above which a query asks for one more shared term. */
const MAX_EXPECTED = 1000;
const MAX_CANDIDATES = 2000;
/** Sentences with fewer terms than this say too little to match on (headings, "he said."). */
export const MIN_TERMS = 4;

export interface PassageQuery {
  documentId: number;
  start: number;
  end: number;
  text: string;
}

export interface MatchOptions {
  threshold?: number;
  /** Skip bringing the index up to date (the caller just did). */
  indexed?: boolean;
}

export function findCorroboration(db: Db, query: PassageQuery, options: MatchOptions = {}): Corroboration {
  if (!options.indexed) ensureIndexed(db);
  const threshold = options.threshold ?? SAME_CLAIM;
  const stats = termStats(db);
  const parts = queryParts(query.text, stats);
  const candidates = retrieve(db, parts, stats).filter((s) => s.documentId !== query.documentId);
  const scored = candidates.flatMap((s) => {
    const vector = vectorOf(s.terms.split(' '), stats);
    let best = { similarity: 0, part: parts[0] };
    for (const part of parts) {
      const similarity = claimSimilarity(part.vector, vector);
      if (similarity > best.similarity) best = { similarity, part };
    }
    return best.similarity >= threshold ? [{ sentence: s, vector, ...best }] : [];
  });
  const texts = textSlices(
    db,
    scored.map((m) => m.sentence),
  );
  const matches: CorroborationMatch[] = scored.map((m, i) => ({
    documentId: m.sentence.documentId,
    start: m.sentence.start,
    end: m.sentence.end,
    text: texts[i],
    similarity: Math.round(m.similarity * 1000) / 1000,
    copy: copiedShare(m.part.text, texts[i]) >= COPY,
    sharedTerms: sharedTerms(m.part.vector, m.vector),
  }));
  return groupBySource(db, query, matches);
}

interface QueryPart {
  text: string;
  terms: string[];
  vector: Vector;
}

/** The passage as a whole and, when it spans several sentences, each of them: a rewrite may split or join them. */
function queryParts(text: string, stats: TermStats): QueryPart[] {
  const whole = termsOf(text);
  const sentences = sentenceSpans(text).map((s) => text.slice(s.start, s.end));
  const texts = sentences.length > 1 ? [text, ...sentences.filter(isClaim)] : isClaim(text) ? [text] : [];
  return texts
    .map((t, i) => {
      const terms = i === 0 ? whole : termsOf(t);
      return { text: t, terms, vector: vectorOf(terms, stats) };
    })
    .filter((p) => p.terms.length >= MIN_TERMS || (p.text === text && p.terms.length >= 2));
}

function retrieve(db: Db, parts: QueryPart[], stats: TermStats): SentenceRow[] {
  const sentenceParts = parts.length > 1 ? parts.slice(1) : parts;
  const clauses = new Set(sentenceParts.flatMap((p) => candidateClauses(p.terms, stats)));
  if (clauses.size === 0) return [];
  const ids = matchingSentenceIds(db, [...clauses].join(' OR '), MAX_CANDIDATES);
  return sentencesByIds(db, ids);
}

/** FTS5 clauses "(a AND b)" over the rarest terms, with as many terms each as keeps the expected count small. */
export function candidateClauses(terms: string[], stats: TermStats): string[] {
  const rare = [...new Set(terms)]
    .filter((t) => stats.frequency(t) > 0)
    .sort((a, b) => stats.frequency(a) - stats.frequency(b))
    .slice(0, QUERY_TERMS);
  if (rare.length < 2) return [];
  const share = rare.map((t) => stats.frequency(t) / Math.max(1, stats.sentences));
  for (let k = 2; k <= Math.min(4, rare.length); k++) {
    const combos = combinations(rare.length, k);
    const expected = combos.reduce((sum, c) => sum + stats.sentences * c.reduce((p, i) => p * share[i], 1), 0);
    if (expected <= MAX_EXPECTED || k === Math.min(4, rare.length)) {
      return combos.map((c) => `(${c.map((i) => quote(rare[i])).join(' AND ')})`);
    }
  }
  return [];
}

function quote(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

function combinations(n: number, k: number): number[][] {
  const out: number[][] = [];
  const pick = (from: number, chosen: number[]) => {
    if (chosen.length === k) {
      out.push(chosen);
      return;
    }
    for (let i = from; i < n; i++) pick(i + 1, [...chosen, i]);
  };
  pick(0, []);
  return out;
}

/** The source a document speaks for: its outlet, or (no outlet set) the document itself, its title in quotes. */
export function sourceName(outlet: string | null, title: string): string {
  return outlet?.trim() || `“${title}”`;
}

function groupBySource(db: Db, query: PassageQuery, matches: CorroborationMatch[]): Corroboration {
  const docs = sourcesOf(db, [query.documentId, ...matches.map((m) => m.documentId)]);
  const own = docs.get(query.documentId);
  const ownSource = own ? sourceName(own.outlet, own.title) : '';
  const bySource = new Map<string, CorroboratingSource>();
  for (const match of matches) {
    const doc = docs.get(match.documentId)!;
    const source = sourceName(doc.outlet, doc.title);
    let group = bySource.get(source);
    if (!group) bySource.set(source, (group = { source, outlet: doc.outlet, copy: true, best: 0, matches: [] }));
    group.matches.push(match);
    group.copy &&= match.copy;
    group.best = Math.max(group.best, match.similarity);
  }
  const sources = [...bySource.values()].sort((a, b) => b.best - a.best);
  for (const s of sources) s.matches.sort((a, b) => b.similarity - a.similarity);
  const others = sources.filter((s) => s.source !== ownSource);
  return {
    documentId: query.documentId,
    start: query.start,
    end: query.end,
    source: ownSource,
    outlets: others.filter((s) => !s.copy).map((s) => s.source),
    copies: others.filter((s) => s.copy).map((s) => s.source),
    sources,
  };
}

/** How alike two texts are, as findCorroboration scores a candidate sentence against a passage. */
export function similarityOf(db: Db, passage: string, sentence: string): number {
  ensureIndexed(db);
  if (!isClaim(sentence)) return 0;
  const stats = termStats(db);
  const vector = vectorOf(termsOf(sentence), stats);
  return Math.max(0, ...queryParts(passage, stats).map((p) => claimSimilarity(p.vector, vector)));
}
