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

/** Groups of sentence indexes joined by "same claim" pairs across documents (union–find). */
function cluster(sentences: SentenceRow[], vectors: Vector[]): number[][] {
  const parent = sentences.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const postings = new Map<string, number[]>();
  vectors.forEach((v, i) => {
    for (const term of v.weights.keys()) {
      const list = postings.get(term);
      if (list) list.push(i);
      else postings.set(term, [i]);
    }
  });
  // Terms in a fifth of the sentences or more join everything to everything and say little: left out of the pairing.
  const common = Math.max(20, sentences.length / 5);
  vectors.forEach((v, i) => {
    const seen = new Set<number>();
    for (const term of v.weights.keys()) {
      const list = postings.get(term)!;
      if (list.length > common) continue;
      for (const j of list) {
        if (j <= i || seen.has(j) || sentences[j].documentId === sentences[i].documentId) continue;
        seen.add(j);
        if (claimSimilarity(v, vectors[j]) >= SAME_CLAIM) parent[find(j)] = find(i);
      }
    }
  });
  const groups = new Map<number, number[]>();
  sentences.forEach((_, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  });
  return [...groups.values()];
}

function toClaim(
  members: number[],
  sentences: SentenceRow[],
  texts: string[],
  source: (s: SentenceRow) => { name: string; outlet: string | null },
): Claim {
  // The first sentence stands for the claim; a later one that copies an earlier one's wording is marked a copy.
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
