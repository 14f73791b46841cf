// The corpus's claims: sentences of different documents that state the same thing, clustered. Every claim sentence
// of the documents in scope is compared with the others through an inverted index of their terms (in memory: the
// scope is capped), pairs at or above the "same claim" threshold are joined, and each cluster lists its sources —
// so what only one outlet reports stands out.
import type { Claim, ClaimsReport } from '../../shared/types.js';
import type { Db } from '../db/connection.js';
import { scopeDocumentIds, sentencesOfDocuments, sourcesOf, textSlices, type SentenceRow } from '../db/sentences.js';
import { sourceName } from './match.js';
import { ensureIndexed } from './sentenceIndex.js';
import { claimSimilarity, copiedShare, COPY, SAME_CLAIM, termStats, vectorOf, type Vector } from './similarity.js';

/** Documents a Claims report covers at most (the first ones of the scope, oldest first). */
export const CLAIMS_MAX_DOCUMENTS = 300;
const MAX_POSTINGS = 200;

export function claimsReport(db: Db, scope: { collectionId?: number }): ClaimsReport {
  ensureIndexed(db);
  const inScope = scopeDocumentIds(db, scope.collectionId);
  const documentIds = inScope.slice(0, CLAIMS_MAX_DOCUMENTS);
  const sentences = sentencesOfDocuments(db, documentIds);
  const stats = termStats(db);
  const vectors = sentences.map((s) => vectorOf(s.terms.split(' '), stats));
  const clusters = cluster(sentences, vectors);
  const texts = textSlices(db, sentences);
  const docs = sourcesOf(db, documentIds);
  const source = (s: SentenceRow) => {
    const d = docs.get(s.documentId)!;
    return { name: sourceName(d.outlet, d.title), outlet: d.outlet };
  };
  const claims = clusters.map((members) => toClaim(members, sentences, texts, source));
  claims.sort((a, b) => b.sources.length - a.sources.length || b.sentences.length - a.sentences.length);
  return {
    claims,
    documentsCovered: documentIds.length,
    documentsInScope: inScope.length,
    sentences: sentences.length,
  };
}

/**
 * Groups of sentence indexes (star clustering): the sentence matching the most others becomes a claim with every
 * unclaimed sentence that matches it, then the next. Unlike joining every matching pair, a chain of loosely alike
 * sentences never merges two different claims. The centre comes first in its group.
 */
function cluster(sentences: SentenceRow[], vectors: Vector[]): number[][] {
  const neighbours = matchingPairs(sentences, vectors);
  const order = sentences.map((_, i) => i).sort((a, b) => neighbours[b].length - neighbours[a].length || a - b);
  const taken = new Set<number>();
  const groups: number[][] = [];
  for (const centre of order) {
    if (taken.has(centre)) continue;
    taken.add(centre);
    const group = [centre];
    for (const j of neighbours[centre]) {
      if (taken.has(j)) continue;
      taken.add(j);
      group.push(j);
    }
    groups.push(group);
  }
  return groups;
}

/** For each sentence, the sentences of other documents stating the same thing, through an inverted index. */
function matchingPairs(sentences: SentenceRow[], vectors: Vector[]): number[][] {
  const neighbours: number[][] = sentences.map(() => []);
  const postings = new Map<string, number[]>();
  vectors.forEach((v, i) => {
    for (const term of v.weights.keys()) {
      const list = postings.get(term);
      if (list) list.push(i);
      else postings.set(term, [i]);
    }
  });
  // A term in more than a fifth of the sentences (or more than 200) pairs everything with everything and says
  // little: a pair must share a rarer one. This also bounds the work on corpora with a small vocabulary.
  const common = Math.min(MAX_POSTINGS, Math.max(20, sentences.length / 5));
  vectors.forEach((v, i) => {
    const seen = new Set<number>();
    for (const term of v.weights.keys()) {
      const list = postings.get(term)!;
      if (list.length > common) continue;
      for (const j of list) {
        if (j <= i || seen.has(j) || sentences[j].documentId === sentences[i].documentId) continue;
        seen.add(j);
        if (claimSimilarity(v, vectors[j]) >= SAME_CLAIM) {
          neighbours[i].push(j);
          neighbours[j].push(i);
        }
      }
    }
  });
  return neighbours;
}

function toClaim(
  members: number[],
  sentences: SentenceRow[],
  texts: string[],
  source: (s: SentenceRow) => { name: string; outlet: string | null },
): Claim {
  // The centre stands for the claim; a sentence copying the wording of one before it (another source) is a copy.
  const representative = members[0];
  const rows = members.map((i, k) => {
    const copy = members.slice(0, k).some((j) => {
      const a = source(sentences[j]).name;
      return a !== source(sentences[i]).name && copiedShare(texts[i], texts[j]) >= COPY;
    });
    const s = sentences[i];
    return { documentId: s.documentId, start: s.start, end: s.end, text: texts[i], source: source(s).name, copy };
  });
  const bySource = new Map<string, { source: string; outlet: string | null; copy: boolean }>();
  rows.forEach((row, k) => {
    const known = bySource.get(row.source);
    if (known) known.copy &&= row.copy;
    else bySource.set(row.source, { source: row.source, outlet: source(sentences[members[k]]).outlet, copy: row.copy });
  });
  return { text: texts[representative], sources: [...bySource.values()], sentences: rows };
}
