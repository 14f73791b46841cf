// From claims to the memo: an evidence table (claim × source, with Admiralty grades) and "Draft from claims" — a
// section per claim citing each source that states it. Claims are sentences, not coded passages, so the draft cites
// them by range (a citation with a document and offsets but no highlight); see export/model.ts.
import { gradeLabel } from '../../shared/grades.js';
import type { Claim, Credibility, EvidenceCell, EvidenceTable } from '../../shared/types.js';
import { getCollection } from '../db/collections.js';
import type { Db } from '../db/connection.js';
import { getDocumentSummaries } from '../db/documents.js';
import { listHighlights } from '../db/highlights.js';
import { claimsReport } from '../corroboration/claims.js';
import type { JsonNode } from './draft.js';

/** Rows and columns an evidence table holds at most: wider is unreadable on a page. */
export const EVIDENCE_MAX_CLAIMS = 20;
export const EVIDENCE_MAX_SOURCES = 8;

export interface ClaimScope {
  collectionId?: number;
  /** Claims stated by one source only are left out unless asked for. */
  includeSingle?: boolean;
  limit?: number;
}

function chosenClaims(db: Db, scope: ClaimScope): Claim[] {
  const { claims } = claimsReport(db, { collectionId: scope.collectionId });
  const shared = claims.filter((c) => c.sources.length > 1);
  return (scope.includeSingle || shared.length === 0 ? claims : shared).slice(0, scope.limit ?? EVIDENCE_MAX_CLAIMS);
}

/** Grades of each claim sentence: its document's reliability, and the credibility of a graded passage over it. */
function grader(db: Db, documentIds: number[]) {
  const reliability = new Map(getDocumentSummaries(db, documentIds).map((d) => [d.id, d.reliability ?? null]));
  const graded = new Map<number, { start: number; end: number; credibility: Credibility }[]>();
  const passagesOf = (documentId: number) => {
    if (!graded.has(documentId))
      graded.set(
        documentId,
        listHighlights(db, documentId)
          .filter((h) => h.credibility)
          .map((h) => ({ start: h.start, end: h.end, credibility: h.credibility! })),
      );
    return graded.get(documentId)!;
  };
  return (s: { documentId: number; start: number; end: number }) => {
    const passage = passagesOf(s.documentId).find((h) => h.start < s.end && h.end > s.start);
    return gradeLabel(reliability.get(s.documentId), passage?.credibility ?? null);
  };
}

function scopeLabel(db: Db, collectionId?: number): string {
  const collection = collectionId === undefined ? undefined : getCollection(db, collectionId);
  return collection ? `the collection “${collection.name}”` : 'the whole project';
}

export function evidenceTable(db: Db, scope: ClaimScope): EvidenceTable {
  return tableOf(db, chosenClaims(db, scope), scopeLabel(db, scope.collectionId));
}

function tableOf(db: Db, claims: Claim[], scope: string): EvidenceTable {
  const frequency = new Map<string, number>();
  for (const c of claims) for (const s of c.sources) frequency.set(s.source, (frequency.get(s.source) ?? 0) + 1);
  const sources = [...frequency]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, EVIDENCE_MAX_SOURCES)
    .map(([source]) => source);
  const grade = grader(db, [...new Set(claims.flatMap((c) => c.sentences.map((s) => s.documentId)))]);
  const rows = claims.map((claim) => ({
    claim: claim.text,
    cells: sources.map((source): EvidenceCell | null => {
      const sentence = claim.sentences.find((s) => s.source === source);
      if (!sentence) return null;
      const { documentId, start, end, copy } = sentence;
      return { documentId, start, end, copy, grade: grade(sentence) };
    }),
  }));
  return { sources, rows, scope, madeAt: new Date().toISOString() };
}

const text = (t: string): JsonNode => ({ type: 'text', text: t });
const short = (t: string, max: number) => (t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t);

/** A memo: a section per claim citing each source's sentence, and the evidence table at the end. */
export function draftFromClaims(db: Db, title: string, scope: ClaimScope): string {
  const claims = chosenClaims(db, scope);
  const documents = new Map(
    getDocumentSummaries(db, [...new Set(claims.flatMap((c) => c.sentences.map((s) => s.documentId)))]).map((d) => [
      d.id,
      d,
    ]),
  );
  const grade = grader(db, [...documents.keys()]);
  const content: JsonNode[] = [{ type: 'heading', attrs: { level: 1 }, content: [text(title)] }];
  if (claims.length === 0) content.push({ type: 'paragraph', content: [text('No claims found in these documents.')] });
  for (const claim of claims) {
    content.push({ type: 'heading', attrs: { level: 3 }, content: [text(short(claim.text, 110))] });
    const independent = claim.sources.filter((s) => !s.copy).map((s) => s.source);
    const copies = claim.sources.filter((s) => s.copy).map((s) => s.source);
    const reported =
      claim.sources.length === 1
        ? `Single source: ${claim.sources[0].source}.`
        : `Reported by ${independent.join(', ')}${copies.length ? `; copied by ${copies.join(', ')}` : ''}.`;
    content.push({ type: 'paragraph', content: [text(reported)] });
    for (const source of claim.sources) {
      const s = claim.sentences.find((x) => x.source === source.source)!;
      const doc = documents.get(s.documentId);
      content.push({
        type: 'citation',
        attrs: {
          highlightId: null,
          documentId: s.documentId,
          start: s.start,
          end: s.end,
          quote: s.text,
          documentTitle: doc?.title ?? '',
          outlet: doc?.outlet ?? '',
          publishedAt: doc?.publishedAt ?? '',
          grade: grade(s),
        },
      });
    }
  }
  if (claims.length > 0) {
    content.push({ type: 'heading', attrs: { level: 2 }, content: [text('Evidence table')] });
    content.push({ type: 'evidenceTable', attrs: { table: tableOf(db, claims, scopeLabel(db, scope.collectionId)) } });
  }
  return JSON.stringify({ type: 'doc', content });
}
