// How far the background reading of entities and dates has come, and polling while it runs.
import { useEffect } from 'react';
import type { ExtractionProgress } from '../../shared/types';

const POLL_MS = 1000;

/** Re-reads the view every second while documents are being read. */
export function useReadingPoll(progress: ExtractionProgress | undefined, refresh: () => void): void {
  // Each answer is a new object: the next poll is set after each one arrives.
  useEffect(() => {
    if (!progress?.running) return;
    const timer = setTimeout(refresh, POLL_MS);
    return () => clearTimeout(timer);
  }, [progress, refresh]);
}

export function ProgressLine({ progress }: { progress: ExtractionProgress | undefined }) {
  if (!progress) return <span className="muted">Opening…</span>;
  if (!progress.running && progress.done >= progress.total)
    return (
      <span className="muted reading-progress">
        {progress.total.toLocaleString()} document{progress.total === 1 ? '' : 's'} read
      </span>
    );
  return (
    <span className="reading-progress" role="status">
      <progress max={progress.total} value={progress.done} /> Reading documents: {progress.done.toLocaleString()} of{' '}
      {progress.total.toLocaleString()}
      {progress.docsPerSecond ? ` (${progress.docsPerSecond} a second)` : ''}
    </span>
  );
}
