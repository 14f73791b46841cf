// What an import will write, worked out completely (and refused if need be) before anything is written.
import type { AttributeType, ExchangeCount } from '../../shared/types.js';
import type { PositionUnit } from './positions.js';

export interface PlanUser {
  guid: string;
  name: string;
}

export interface PlanCode {
  guid: string;
  name: string;
  /** #rrggbb, or null to take a Gloss colour. */
  color: string | null;
  description: string;
  parentGuid: string | null;
  /** isCodable="false": a grouping code. */
  codable: boolean;
  /** Notes on the code (NoteRef): they become the tag's code memos. */
  noteGuids: string[];
}

export interface PlanCoding {
  guid: string;
  codeGuid: string;
  userGuid: string | null;
}

export interface PlanSelection {
  guid: string;
  /** Offsets in the stored text (UTF-16 units). */
  start: number;
  end: number;
  userGuid: string | null;
  createdAt: string | null;
  codings: PlanCoding[];
  noteGuids: string[];
}

export interface PlanAttribute {
  name: string;
  type: AttributeType;
  value: string;
}

export interface PlanSource {
  guid: string;
  name: string;
  format: 'txt' | 'docx';
  text: string;
  description: string;
  unit: PositionUnit | null;
  selections: PlanSelection[];
  noteGuids: string[];
  attributes: PlanAttribute[];
}

export interface PlanNote {
  guid: string;
  name: string;
  text: string;
}

export interface PlanSet {
  guid: string;
  name: string;
  sourceGuids: string[];
}

export interface PlanVariable {
  guid: string;
  name: string;
  type: AttributeType;
}

export interface ImportPlan {
  name: string;
  origin: string | null;
  description: string;
  users: PlanUser[];
  /** Parents before children. */
  codes: PlanCode[];
  variables: PlanVariable[];
  sources: PlanSource[];
  notes: PlanNote[];
  projectNoteGuids: string[];
  sets: PlanSet[];
  notCarried: ExchangeCount[];
  quoteMismatches: number;
  warnings: string[];
}

/** Adds `count` of `kind` to a not-carried list, skipping zeros and merging repeats. */
export function tally(list: ExchangeCount[], kind: string, count: number): void {
  if (count <= 0) return;
  const existing = list.find((c) => c.kind === kind);
  if (existing) existing.count += count;
  else list.push({ kind, count });
}
