// The Admiralty scale, as both sides show it: a source's reliability (A–F) and a passage's credibility (1–6).
import type { Credibility, Reliability } from './types.js';

export const RELIABILITY: { grade: Reliability; meaning: string }[] = [
  { grade: 'A', meaning: 'Completely reliable' },
  { grade: 'B', meaning: 'Usually reliable' },
  { grade: 'C', meaning: 'Fairly reliable' },
  { grade: 'D', meaning: 'Not usually reliable' },
  { grade: 'E', meaning: 'Unreliable' },
  { grade: 'F', meaning: 'Reliability cannot be judged' },
];

export const CREDIBILITY: { grade: Credibility; meaning: string }[] = [
  { grade: 1, meaning: 'Confirmed by other sources' },
  { grade: 2, meaning: 'Probably true' },
  { grade: 3, meaning: 'Possibly true' },
  { grade: 4, meaning: 'Doubtful' },
  { grade: 5, meaning: 'Improbable' },
  { grade: 6, meaning: 'Truth cannot be judged' },
];

/** "B2"; "B" when the passage is not graded; "–2" when its source is not; null when neither is. */
export function gradeLabel(reliability?: Reliability | null, credibility?: Credibility | null): string | null {
  if (!reliability && !credibility) return null;
  return `${reliability ?? '–'}${credibility ?? ''}`;
}
