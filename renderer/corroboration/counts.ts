// "Reported by N outlets" for the passages on screen: requests are gathered for a moment and sent together, answers
// are kept until an edit could change them (documents added, removed or re-imported; passages moved).
import { useEffect, useSyncExternalStore } from 'react';
import type { ChangeSet, CorroborationCount } from '../../shared/types';
import { client, store } from '../api/client';

const known = new Map<number, CorroborationCount>();
const wanted = new Set<number>();
const listeners = new Set<() => void>();
let version = 0;
let timer: ReturnType<typeof setTimeout> | null = null;

function notify(): void {
  version++;
  listeners.forEach((l) => l());
}

function request(highlightId: number): void {
  if (known.has(highlightId) || wanted.has(highlightId)) return;
  wanted.add(highlightId);
  timer ??= setTimeout(flush, 40);
}

function flush(): void {
  timer = null;
  const batch = [...wanted].slice(0, 200);
  batch.forEach((id) => wanted.delete(id));
  if (wanted.size) timer = setTimeout(flush, 0);
  client['corroboration.counts']({ highlightIds: batch }).then(
    (counts) => {
      counts.forEach((c) => known.set(c.highlightId, c));
      notify();
    },
    () => undefined,
  );
}

function invalidate(changes: ChangeSet): void {
  if (changes.documents?.created.length || changes.documents?.deleted.length || changes.highlights) {
    known.clear();
    notify();
  }
}
store.onChanges(invalidate);

export function useCorroborationCount(highlightId: number): CorroborationCount | undefined {
  useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => version,
  );
  useEffect(() => request(highlightId));
  return known.get(highlightId);
}
