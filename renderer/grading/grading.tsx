// Source grading in the UI: a document's reliability (A–F) and a passage's credibility (1–6) on the Admiralty scale,
// shown as a badge ("B2") and set from a picker or the palette. Every change is one undoable edit.
import { CREDIBILITY, gradeLabel, RELIABILITY } from '../../shared/grades';
import type { Credibility, Reliability } from '../../shared/types';
import { store } from '../api/client';
import { useWorkbench, type Workbench } from '../app/workbench';
import { useCommands } from '../commands/useCommands';
import './grading.css';
import { GRADE_FILTERS, gradesOfFilter } from './gradeFilters';

export { GRADE_FILTERS, gradesOfFilter };

const reliabilityMeaning = new Map(RELIABILITY.map((r) => [r.grade, r.meaning]));
const credibilityMeaning = new Map(CREDIBILITY.map((c) => [c.grade, c.meaning]));

export function gradeTitle(reliability?: Reliability | null, credibility?: Credibility | null): string {
  return [
    reliability ? `Source ${reliability}: ${reliabilityMeaning.get(reliability)}` : 'Source not graded',
    credibility ? `information ${credibility}: ${credibilityMeaning.get(credibility)}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/** "B2" in a small badge; nothing when neither the source nor the passage is graded. */
export function GradeBadge({
  reliability,
  credibility,
}: {
  reliability?: Reliability | null;
  credibility?: Credibility | null;
}) {
  const label = gradeLabel(reliability, credibility);
  if (!label) return null;
  return (
    <span className={`grade-badge grade-${reliability ?? 'none'}`} title={gradeTitle(reliability, credibility)}>
      {label}
    </span>
  );
}

export function ReliabilityPicker({
  documentId,
  value,
}: {
  documentId: number;
  value: Reliability | null | undefined;
}) {
  const wb = useWorkbench();
  return (
    <label className="grade-picker">
      Reliability
      <select
        aria-label="Source reliability"
        value={value ?? ''}
        onChange={(e) => void setReliability(wb, documentId, (e.target.value || null) as Reliability | null)}
      >
        <option value="">Not graded</option>
        {RELIABILITY.map((r) => (
          <option key={r.grade} value={r.grade}>
            {r.grade} — {r.meaning}
          </option>
        ))}
      </select>
    </label>
  );
}

export function CredibilityPicker({
  highlightId,
  value,
}: {
  highlightId: number;
  value: Credibility | null | undefined;
}) {
  const wb = useWorkbench();
  return (
    <label className="grade-picker">
      Credibility
      <select
        aria-label="Information credibility"
        value={value ?? ''}
        onChange={(e) =>
          void setCredibility(wb, highlightId, e.target.value ? (Number(e.target.value) as Credibility) : null)
        }
      >
        <option value="">Not graded</option>
        {CREDIBILITY.map((c) => (
          <option key={c.grade} value={c.grade}>
            {c.grade} — {c.meaning}
          </option>
        ))}
      </select>
    </label>
  );
}

async function setReliability(wb: Workbench, documentId: number, reliability: Reliability | null): Promise<void> {
  try {
    const doc = await wb.client['grades.setDocument']({ documentId, reliability });
    wb.setStatus(reliability ? `Graded “${doc.title}” ${reliability}.` : `Cleared the grade of “${doc.title}”.`);
  } catch (error) {
    wb.setStatus(`Could not grade the source: ${(error as Error).message}`, true);
  }
}

async function setCredibility(wb: Workbench, highlightId: number, credibility: Credibility | null): Promise<void> {
  try {
    await wb.client['grades.setHighlight']({ highlightId, credibility });
    wb.setStatus(credibility ? `Graded the passage ${credibility}.` : 'Cleared the grade of the passage.');
  } catch (error) {
    wb.setStatus(`Could not grade the passage: ${(error as Error).message}`, true);
  }
}

/** The palette's grading commands: grade the open document's source, grade the selected passage. */
export function useGradingCommands(): void {
  const wb = useWorkbench();
  const hasDocument = () => wb.documentId !== null;
  const hasPassage = () => wb.selectedHighlightId !== null && store.highlights.has(wb.selectedHighlightId);
  useCommands([
    ...RELIABILITY.map((r) => ({
      id: `grade.source.${r.grade}`,
      label: `Grade the open document's source ${r.grade} — ${r.meaning}`,
      category: 'Grading',
      enabled: hasDocument,
      run: () => setReliability(wb, wb.documentId!, r.grade),
    })),
    {
      id: 'grade.source.clear',
      label: "Clear the open document's source grade",
      category: 'Grading',
      enabled: hasDocument,
      run: () => setReliability(wb, wb.documentId!, null),
    },
    ...CREDIBILITY.map((c) => ({
      id: `grade.passage.${c.grade}`,
      label: `Grade the selected passage ${c.grade} — ${c.meaning}`,
      category: 'Grading',
      enabled: hasPassage,
      run: () => setCredibility(wb, wb.selectedHighlightId!, c.grade),
    })),
    {
      id: 'grade.passage.clear',
      label: "Clear the selected passage's grade",
      category: 'Grading',
      enabled: hasPassage,
      run: () => setCredibility(wb, wb.selectedHighlightId!, null),
    },
  ]);
}

export function matchesGradeFilter(id: string, reliability: Reliability | null | undefined): boolean {
  const grades = gradesOfFilter(id);
  if (!grades) return true;
  return reliability ? grades.includes(reliability) : grades.includes('ungraded');
}

export function GradeFilter({ value, onChange }: { value: string; onChange(id: string): void }) {
  return (
    <select aria-label="Source grade" value={value} onChange={(e) => onChange(e.target.value)}>
      {GRADE_FILTERS.map((f) => (
        <option key={f.id} value={f.id}>
          {f.label}
        </option>
      ))}
    </select>
  );
}
