// Source reliability travels through REFI-QDA as a document variable ("Source reliability", Text, A–F): the standard
// has variables on sources but nothing for grades, and every QDA tool shows variables. Passage credibility has no
// place in the standard (selections carry no variables) and is not carried.
import type { DocumentAttribute, DocumentSummary, Reliability } from '../../shared/types.js';

export const RELIABILITY_VARIABLE = 'Source reliability';
const GRADE = /^[A-F]$/;

/** The attributes to export: the stored ones plus a reliability variable for each graded document. */
export function withReliabilityVariables(
  documents: DocumentSummary[],
  attributes: DocumentAttribute[],
): DocumentAttribute[] {
  const named = new Set(attributes.filter((x) => x.name === RELIABILITY_VARIABLE).map((x) => x.documentId));
  const grades = documents
    .filter((d) => d.reliability && !named.has(d.id))
    .map((d) => ({
      id: 0,
      documentId: d.id,
      name: RELIABILITY_VARIABLE,
      type: 'Text' as const,
      value: d.reliability!,
    }));
  return [...attributes, ...grades];
}

/** Splits an imported source's attributes into its reliability grade (when it has a valid one) and the rest. */
export function takeReliability<T extends { name: string; value: string }>(
  attributes: T[],
): { reliability: Reliability | null; rest: T[] } {
  const grade = attributes.find((x) => x.name === RELIABILITY_VARIABLE && GRADE.test(x.value.trim().toUpperCase()));
  if (!grade) return { reliability: null, rest: attributes };
  return {
    reliability: grade.value.trim().toUpperCase() as Reliability,
    rest: attributes.filter((x) => x !== grade),
  };
}
