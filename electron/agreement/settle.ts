// Settling a disagreement: both coders' codings of the stretch become one outcome (A's, B's, both, neither, or one
// merged passage), and the decision is kept with who made it, when and why. Runs inside one recorded edit, so
// Ctrl+Z puts both coders' passages back and removes the decision.
import type { AgreementDecision, DecisionChoice, DisagreementPassage } from '../../shared/types.js';
import { describeAnchor } from '../anchoring/anchor.js';
import { invalid } from '../api/errors.js';
import {
  addCoding,
  codingsInSpan,
  insertDecision,
  isBarePassage,
  listDecisions,
  passageAt,
  removeCoding,
  type CodingRow,
} from '../db/agreement.js';
import { getCoder } from '../db/coders.js';
import type { Db } from '../db/connection.js';
import { getDocumentText } from '../db/documents.js';
import { deleteHighlight, insertHighlight } from '../db/highlights.js';
import { getTag } from '../db/tags.js';
import { resolveCitations } from '../memo/citations.js';
import { citationNode, type JsonNode } from '../memo/draft.js';
import { classify, DEFAULT_THRESHOLD } from './compute.js';

export interface SettleRequest {
  documentId: number;
  start: number;
  end: number;
  coderA: number;
  coderB: number;
  tagIds: number[];
  choice: DecisionChoice;
  merged?: { start: number; end: number };
  reason?: string;
  threshold?: number;
}

type Outcome = { start: number; end: number; tagIds: number[] }[];

function passages(rows: CodingRow[]): DisagreementPassage[] {
  const byId = new Map<number, DisagreementPassage>();
  for (const r of rows) {
    const p = byId.get(r.highlightId);
    if (p) p.tagIds.push(r.tagId);
    else byId.set(r.highlightId, { highlightId: r.highlightId, start: r.start, end: r.end, tagIds: [r.tagId] });
  }
  return [...byId.values()];
}

function outcomeOf(
  choice: DecisionChoice,
  a: DisagreementPassage[],
  b: DisagreementPassage[],
  merged: { start: number; end: number } | undefined,
): Outcome {
  const plain = (list: DisagreementPassage[]) => list.map(({ start, end, tagIds }) => ({ start, end, tagIds }));
  switch (choice) {
    case 'a':
      return plain(a);
    case 'b':
      return plain(b);
    case 'neither':
      return [];
    case 'both': {
      const byRange = new Map<string, Outcome[number]>();
      for (const p of plain([...a, ...b])) {
        const key = `${p.start}:${p.end}`;
        const seen = byRange.get(key);
        if (seen) seen.tagIds = [...new Set([...seen.tagIds, ...p.tagIds])];
        else byRange.set(key, { ...p, tagIds: [...p.tagIds] });
      }
      return [...byRange.values()];
    }
    case 'merged': {
      if (!merged) throw invalid('merged: a merged boundary needs its start and end.');
      return [{ ...merged, tagIds: [...new Set([...a, ...b].flatMap((p) => p.tagIds))] }];
    }
  }
}

/** Makes one coder's codings of the compared tags in the stretch exactly the outcome. */
function applyOutcome(
  db: Db,
  text: string,
  documentId: number,
  coderId: number,
  mine: DisagreementPassage[],
  outcome: Outcome,
) {
  const kept = new Set<number>();
  for (const want of outcome) {
    const existing = mine.find((p) => p.start === want.start && p.end === want.end);
    const id =
      existing?.highlightId ??
      passageAt(db, documentId, want.start, want.end, coderId) ??
      insertHighlight(db, { documentId, coderId, ...describeAnchor(text, want.start, want.end) });
    for (const tagId of want.tagIds) addCoding(db, id, tagId, coderId);
    for (const tagId of existing?.tagIds ?? []) if (!want.tagIds.includes(tagId)) removeCoding(db, id, tagId);
    kept.add(id);
  }
  for (const p of mine) {
    if (kept.has(p.highlightId)) continue;
    for (const tagId of p.tagIds) removeCoding(db, p.highlightId, tagId);
    if (isBarePassage(db, p.highlightId)) deleteHighlight(db, p.highlightId);
  }
}

/** Call inside recordEdit. */
export function settleDisagreement(db: Db, request: SettleRequest, decidedBy: number): AgreementDecision {
  const { documentId, start, end, coderA, coderB, tagIds, choice } = request;
  const text = getDocumentText(db, documentId);
  if (text === undefined) throw invalid(`documentId: there is no document ${documentId}.`);
  if (request.merged && (request.merged.end > text.length || request.merged.end <= request.merged.start))
    throw invalid(`merged: the boundary must lie within the document (${text.length} characters).`);
  for (const [id, field] of [
    [coderA, 'coderA'],
    [coderB, 'coderB'],
  ] as const)
    if (!getCoder(db, id)) throw invalid(`${field}: there is no coder ${id}.`);
  const rows = codingsInSpan(db, documentId, start, end, [coderA, coderB], tagIds);
  const kind = classify(rows, coderA, coderB, request.threshold ?? DEFAULT_THRESHOLD);
  if (!kind) throw invalid('The two coders already agree here: there is nothing to settle.');
  const a = passages(rows.filter((r) => r.coderId === coderA));
  const b = passages(rows.filter((r) => r.coderId === coderB));
  const outcome = outcomeOf(choice, a, b, request.merged);
  applyOutcome(db, text, documentId, coderA, a, outcome);
  applyOutcome(db, text, documentId, coderB, b, outcome);
  const id = insertDecision(db, {
    documentId,
    start: Math.min(start, ...outcome.map((o) => o.start)),
    end: Math.max(end, ...outcome.map((o) => o.end)),
    coderA,
    coderB,
    kind,
    choice,
    tagIds,
    sides: { a, b },
    result: outcome,
    reason: request.reason?.trim() ?? '',
    decidedBy,
  });
  return listDecisions(db, undefined, [id])[0]!;
}

function choiceWords(choice: DecisionChoice, a: string, b: string): string {
  if (choice === 'a') return `kept ${a}’s coding`;
  if (choice === 'b') return `kept ${b}’s coding`;
  return { both: 'kept both codings', neither: 'kept neither coding', merged: 'merged the two into one passage' }[
    choice
  ];
}

function kindWords(kind: AgreementDecision['kind'], a: string, b: string): string {
  if (kind === 'only-a') return `only ${a} coded it`;
  if (kind === 'only-b') return `only ${b} coded it`;
  return kind === 'tags' ? 'different tags' : 'boundaries far apart';
}

const paragraph = (text: string): JsonNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** A memo section: one entry per decision between the two coders, citing the passages as they now stand. */
export function draftDecisionsMemo(db: Db, title: string, coderA: number, coderB: number): string {
  const name = (id: number | null) => (id === null ? 'a deleted coder' : (getCoder(db, id)?.name ?? 'a deleted coder'));
  const decisions = listDecisions(db, [coderA, coderB]);
  const content: JsonNode[] = [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: title }] },
    {
      type: 'heading',
      attrs: { level: 2 },
      content: [{ type: 'text', text: `Settled disagreements: ${name(coderA)} and ${name(coderB)}` }],
    },
    paragraph(`${decisions.length} decision${decisions.length === 1 ? '' : 's'}.`),
  ];
  for (const d of decisions) {
    const tags = d.tagIds
      .map((t) => getTag(db, t)?.name)
      .filter(Boolean)
      .join(', ');
    const [a, b] = [name(d.coderA), name(d.coderB)];
    const who = `${a} / ${b}`;
    content.push({
      type: 'heading',
      attrs: { level: 3 },
      content: [{ type: 'text', text: `${d.documentTitle} (${who})` }],
    });
    content.push(
      paragraph(
        `${kindWords(d.kind, a, b)}${tags ? ` (${tags})` : ''}: ${d.decidedByName ?? 'someone'} ${choiceWords(d.choice, a, b)} on ${d.decidedAt.slice(0, 10)}.` +
          (d.reason ? ` Why: ${d.reason}` : ''),
      ),
    );
    const cited = d.result
      .map((r) => (d.coderA === null ? undefined : passageAt(db, d.documentId, r.start, r.end, d.coderA)))
      .filter((id): id is number => id !== undefined);
    for (const source of resolveCitations(db, cited)) content.push(citationNode(source));
  }
  return JSON.stringify({ type: 'doc', content });
}
