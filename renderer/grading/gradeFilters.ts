// The library's and themes' grade filters, as plain data: the library's start-up request (boot.ts) is built from
// them before any React code loads.
import type { Reliability } from '../../shared/types';

/** The library's and themes' grade filter: which source grades to keep. */
export const GRADE_FILTERS: { id: string; label: string; grades: (Reliability | 'ungraded')[] | null }[] = [
  { id: '', label: 'Any grade', grades: null },
  { id: 'A', label: 'Source A', grades: ['A'] },
  { id: 'AB', label: 'Source A–B', grades: ['A', 'B'] },
  { id: 'AC', label: 'Source A–C', grades: ['A', 'B', 'C'] },
  { id: 'DE', label: 'Source D–E', grades: ['D', 'E'] },
  { id: 'ungraded', label: 'Not graded', grades: ['ungraded'] },
];

export function gradesOfFilter(id: string): (Reliability | 'ungraded')[] | null {
  return GRADE_FILTERS.find((f) => f.id === id)?.grades ?? null;
}
