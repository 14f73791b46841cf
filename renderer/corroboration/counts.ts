// "Reported by N outlets" for the passages on screen: requests are gathered until the margin has been still for a
// moment (badges never compete with an edit or a scroll) and sent together; answers are kept until an edit could
// change them (documents added or removed: all; a passage moved or re-anchored: that one).
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

/** How long the margin must be still before badges are asked for. */
const SETTLE_MS = 600;

function request(highlightId: number): void {
  if (known.has(highlightId) || wanted.has(highlightId)) return;
  wanted.add(highlightId);
  if (timer) clearTimeout(timer);
  timer = setTimeout(flush, SETTLE_MS);
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
  if (changes.documents?.created.length || changes.documents?.deleted.length) known.clear();
  else if (changes.highlights) {
    changes.highlights.upserted.forEach((h) => known.delete(h.id));
    changes.highlights.deleted.forEach((id) => known.delete(id));
  } else return;
  notify();
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
