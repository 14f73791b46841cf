// Agreement between coders over the passages they coded, and the places two of them disagree.
//
// Character level: for each tag, every character of a document is a unit and each coder's value is 1 when one of
// their passages with that tag covers it, 0 when not. Runs of characters on which the coders' values do not change
// are one weighted unit (stats.ts). "Ignore text nobody coded" leaves out the characters that no coder covered with
// any of the chosen tags, so long uncoded stretches stop inflating agreement.
// Segment level: the units are passages. Passages of any coder and chosen tag that overlap form a cluster; within it,
// for each tag, coders whose passages with the tag overlap by at least the threshold (intersection ÷ union) share a
// unit and agree; a tag nobody applied in the cluster is one unit on which all agree it does not apply.
// A coder who made no passage at all in a document has not coded it: their values there are missing, which
// Krippendorff's alpha allows and kappa and percent agreement skip. "All tags" pools every tag's units.
import type {
  AgreementLevel,
  AgreementReport,
  AgreementRow,
  Disagreement,
  DisagreementKind,
  DisagreementPassage,
  DisagreementQueue,
} from '../../shared/types.js';
import {
  codersByDocument,
  codersWithCodings,
  codingsInScope,
  documentLengths,
  documentTitles,
  listDecisions,
  tagsUsedBy,
  type CodingRow,
} from '../db/agreement.js';
import { getCoder } from '../db/coders.js';
import type { Db } from '../db/connection.js';
import { getDocumentText } from '../db/documents.js';
import { listTags } from '../db/tags.js';
import { invalid } from '../api/errors.js';
import { agreementFigures, type Unit } from './stats.js';
import { mergeIntervals, overlapClusters, overlapRatio, totalLength, type Interval } from './intervals.js';

export interface AgreementRequest {
  coderIds?: number[];
  tagIds?: number[];
  documentIds?: number[];
  level: AgreementLevel;
  ignoreUncoded?: boolean;
  threshold?: number;
}

export const DEFAULT_THRESHOLD = 0.8;

interface Scope {
  coderIds: number[];
  tagIds: number[];
  /** Documents at least two coders worked on, with which coders (by index into coderIds). */
  documents: Map<number, number[]>;
  codings: Map<number, CodingRow[]>;
}

function resolveScope(db: Db, request: { coderIds?: number[]; tagIds?: number[]; documentIds?: number[] }): Scope {
  const coderIds = [...new Set(request.coderIds ?? codersWithCodings(db))];
  if (coderIds.length < 2) throw invalid('Agreement needs at least two coders who have coded passages.');
  for (const id of coderIds) if (!getCoder(db, id)) throw invalid(`coderIds: there is no coder ${id}.`);
  const tagIds = [...new Set(request.tagIds ?? tagsUsedBy(db, coderIds))];
  const index = new Map(coderIds.map((id, i) => [id, i]));
  const documents = new Map<number, number[]>();
  for (const [documentId, coders] of codersByDocument(db, coderIds, request.documentIds)) {
    if (coders.size >= 2)
      documents.set(
        documentId,
        [...coders].map((c) => index.get(c)!).sort((a, b) => a - b),
      );
  }
  const codings = new Map<number, CodingRow[]>();
  if (documents.size && tagIds.length) {
    for (const row of codingsInScope(db, { coderIds, tagIds, documentIds: request.documentIds })) {
      if (!documents.has(row.documentId)) continue;
      let list = codings.get(row.documentId);
      if (!list) codings.set(row.documentId, (list = []));
      list.push(row);
    }
  }
  return { coderIds, tagIds, documents, codings };
}

/** Values for one unit: `value(i)` for the coders present in the document, null for the others. */
function unitValues(coderCount: number, present: number[], value: (coder: number) => number): (number | null)[] {
  const values: (number | null)[] = new Array<number | null>(coderCount).fill(null);
  for (const i of present) values[i] = value(i);
  return values;
}

/** Character-level units of one tag in one document; `span` is how many characters are units at all. */
function characterUnits(coderCount: number, present: number[], perCoder: Interval[][], span: number): Unit[] {
  const events: { at: number; coder: number; delta: number }[] = [];
  for (const i of present)
    for (const { start, end } of perCoder[i]!)
      events.push({ at: start, coder: i, delta: 1 }, { at: end, coder: i, delta: -1 });
  events.sort((a, b) => a.at - b.at);
  const inside = new Array<number>(coderCount).fill(0);
  const units: Unit[] = [];
  let covered = 0;
  let open = 0;
  for (let e = 0; e < events.length;) {
    const at = events[e]!.at;
    while (e < events.length && events[e]!.at === at) {
      const { coder, delta } = events[e]!;
      inside[coder]! += delta;
      open += delta;
      e++;
    }
    const next = events[e]?.at;
    if (open > 0 && next !== undefined && next > at) {
      units.push({ values: unitValues(coderCount, present, (i) => (inside[i]! > 0 ? 1 : 0)), weight: next - at });
      covered += next - at;
    }
  }
  if (span > covered) units.push({ values: unitValues(coderCount, present, () => 0), weight: span - covered });
  return units;
}

function byTagAndCoder(rows: CodingRow[], coderIndex: Map<number, number>, coderCount: number) {
  const map = new Map<number, Interval[][]>();
  for (const row of rows) {
    let perCoder = map.get(row.tagId);
    if (!perCoder) map.set(row.tagId, (perCoder = Array.from({ length: coderCount }, () => [])));
    perCoder[coderIndex.get(row.coderId)!]!.push({ start: row.start, end: row.end });
  }
  for (const perCoder of map.values()) perCoder.forEach((list, i) => (perCoder[i] = mergeIntervals(list)));
  return map;
}

/** Coders (by index) whose extents match within one cluster and tag: greedy groups around a first member. */
function matchingGroups(extents: (Interval[] | undefined)[], threshold: number): number[][] {
  const groups: { first: Interval[]; members: number[] }[] = [];
  extents.forEach((extent, coder) => {
    if (!extent?.length) return;
    const group = groups.find((g) => overlapRatio(g.first, extent) >= threshold);
    if (group) group.members.push(coder);
    else groups.push({ first: extent, members: [coder] });
  });
  return groups.map((g) => g.members);
}

function segmentUnits(
  coderCount: number,
  present: number[],
  rows: CodingRow[],
  coderIndex: Map<number, number>,
  tagIds: number[],
  threshold: number,
  addUnits: (tagId: number, units: Unit[]) => void,
): void {
  const clusters = overlapClusters(rows);
  const clustersWithTag = new Map<number, number>();
  for (const cluster of clusters) {
    const perTag = byTagAndCoder(cluster.items, coderIndex, coderCount);
    for (const [tagId, extents] of perTag) {
      clustersWithTag.set(tagId, (clustersWithTag.get(tagId) ?? 0) + 1);
      const units = matchingGroups(extents, threshold).map((members) => ({
        values: unitValues(coderCount, present, (i) => (members.includes(i) ? 1 : 0)),
        weight: 1,
      }));
      addUnits(tagId, units);
    }
  }
  for (const tagId of tagIds) {
    const without = clusters.length - (clustersWithTag.get(tagId) ?? 0);
    if (without > 0) addUnits(tagId, [{ values: unitValues(coderCount, present, () => 0), weight: without }]);
  }
}

export function agreementReport(db: Db, request: AgreementRequest): AgreementReport {
  const started = performance.now();
  const threshold = request.threshold ?? DEFAULT_THRESHOLD;
  const ignoreUncoded = request.ignoreUncoded ?? false;
  const scope = resolveScope(db, request);
  const { coderIds, tagIds } = scope;
  const coderCount = coderIds.length;
  const coderIndex = new Map(coderIds.map((id, i) => [id, i]));
  const unitsByTag = new Map<number, Unit[]>(tagIds.map((t) => [t, []]));
  const passages = new Map<number, number[]>(tagIds.map((t) => [t, new Array<number>(coderCount).fill(0)]));
  const addUnits = (tagId: number, units: Unit[]) => {
    const list = unitsByTag.get(tagId)!;
    for (const u of units) list.push(u);
  };
  const lengths =
    request.level === 'character' && !ignoreUncoded ? documentLengths(db, [...scope.documents.keys()]) : undefined;

  for (const [documentId, present] of scope.documents) {
    const rows = scope.codings.get(documentId) ?? [];
    for (const row of rows) passages.get(row.tagId)![coderIndex.get(row.coderId)!]!++;
    if (request.level === 'segment') {
      segmentUnits(coderCount, present, rows, coderIndex, tagIds, threshold, addUnits);
      continue;
    }
    const span = lengths ? (lengths.get(documentId) ?? 0) : totalLength(mergeIntervals(rows));
    const perTag = byTagAndCoder(rows, coderIndex, coderCount);
    const none: Interval[][] = Array.from({ length: coderCount }, () => []);
    for (const tagId of tagIds) addUnits(tagId, characterUnits(coderCount, present, perTag.get(tagId) ?? none, span));
  }

  const names = new Map(listTags(db).map((t) => [t.id, t.name]));
  const row = (tagId: number | null, tagName: string, units: Unit[], counts: number[]): AgreementRow => {
    const figures = agreementFigures(units);
    return {
      tagId,
      tagName,
      units: figures.pairable,
      percent: figures.percent,
      kappa: figures.kappa,
      alpha: figures.alpha,
      passages: counts,
    };
  };
  const rows = tagIds
    .filter((t) => names.has(t))
    .sort((a, b) => names.get(a)!.localeCompare(names.get(b)!))
    .map((t) => row(t, names.get(t)!, unitsByTag.get(t)!, passages.get(t)!));
  const all = tagIds.flatMap((t) => unitsByTag.get(t)!);
  const totals = coderIds.map((_, i) => tagIds.reduce((n, t) => n + passages.get(t)![i]!, 0));
  rows.push(row(null, 'All chosen tags', all, totals));
  return {
    level: request.level,
    coders: coderIds.map((id) => ({ id, name: getCoder(db, id)!.name })),
    documents: scope.documents.size,
    ignoreUncoded,
    threshold,
    rows,
    elapsedMs: Math.round(performance.now() - started),
  };
}

// The disagreement queue ------------------------------------------------------------------------------------------

export interface QueueRequest {
  coderA: number;
  coderB: number;
  tagIds?: number[];
  documentIds?: number[];
  threshold?: number;
}

const MAX_ITEMS = 500;
const MAX_TEXT = 2000;

function passagesOf(rows: CodingRow[]): DisagreementPassage[] {
  const byId = new Map<number, DisagreementPassage>();
  for (const r of rows) {
    const p = byId.get(r.highlightId);
    if (p) p.tagIds.push(r.tagId);
    else byId.set(r.highlightId, { highlightId: r.highlightId, start: r.start, end: r.end, tagIds: [r.tagId] });
  }
  return [...byId.values()];
}

/** How two coders' codings of one cluster differ, or null when they agree on every tag. */
export function classify(
  rows: CodingRow[],
  coderA: number,
  coderB: number,
  threshold: number,
): DisagreementKind | null {
  const a = rows.filter((r) => r.coderId === coderA);
  const b = rows.filter((r) => r.coderId === coderB);
  if (!b.length) return a.length ? 'only-a' : null;
  if (!a.length) return 'only-b';
  const tags = new Set(rows.map((r) => r.tagId));
  let boundaries = false;
  for (const tagId of tags) {
    const ea = mergeIntervals(a.filter((r) => r.tagId === tagId));
    const eb = mergeIntervals(b.filter((r) => r.tagId === tagId));
    if (!ea.length || !eb.length) return 'tags';
    if (overlapRatio(ea, eb) < threshold) boundaries = true;
  }
  return boundaries ? 'boundaries' : null;
}

function clip(text: string): string {
  if (text.length <= MAX_TEXT) return text;
  return `${text.slice(0, MAX_TEXT / 2)} … ${text.slice(text.length - MAX_TEXT / 2)}`;
}

export function disagreementQueue(db: Db, request: QueueRequest): DisagreementQueue {
  if (request.coderA === request.coderB) throw invalid('coderB: choose two different coders to compare.');
  const coder = (id: number, field: string) => {
    const c = getCoder(db, id);
    if (!c) throw invalid(`${field}: there is no coder ${id}.`);
    return { id: c.id, name: c.name };
  };
  const coderA = coder(request.coderA, 'coderA');
  const coderB = coder(request.coderB, 'coderB');
  const threshold = request.threshold ?? DEFAULT_THRESHOLD;
  const scope = resolveScope(db, { ...request, coderIds: [coderA.id, coderB.id] });
  const found: Omit<Disagreement, 'documentTitle' | 'text'>[] = [];
  let total = 0;
  for (const [documentId, rows] of scope.codings) {
    for (const cluster of overlapClusters(rows)) {
      const kind = classify(cluster.items, coderA.id, coderB.id, threshold);
      if (!kind) continue;
      total++;
      if (found.length >= MAX_ITEMS) continue;
      found.push({
        documentId,
        start: cluster.start,
        end: cluster.end,
        kind,
        a: passagesOf(cluster.items.filter((r) => r.coderId === coderA.id)),
        b: passagesOf(cluster.items.filter((r) => r.coderId === coderB.id)),
      });
    }
  }
  const titles = documentTitles(db, [...new Set(found.map((f) => f.documentId))]);
  const texts = new Map<number, string>();
  const items = found.map((f) => {
    let text = texts.get(f.documentId);
    if (text === undefined) texts.set(f.documentId, (text = getDocumentText(db, f.documentId) ?? ''));
    return { ...f, documentTitle: titles.get(f.documentId) ?? '', text: clip(text.slice(f.start, f.end)) };
  });
  return { coderA, coderB, items, total, decisions: listDecisions(db, [coderA.id, coderB.id]) };
}
