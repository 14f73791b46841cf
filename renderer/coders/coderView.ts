// Whose passages the views show: everyone's, one coder's, or — in blind mode — only mine (the current coder's) until
// I choose to compare. Kept in the browser's storage, so a coder working blind stays blind after a reload. Nothing
// is asked of the backend unless a filter is on (then the coders, once).
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { store } from '../api/client';
import { useSliceVersion } from '../store/hooks';
import { slices } from '../store/store';

export interface CoderView {
  /** Only the current coder's passages. */
  blind: boolean;
  /** Only this coder's passages (ignored while blind). */
  coderId: number | null;
}

const KEY = 'gloss.coderView';
const listeners = new Set<() => void>();
let current: CoderView = read();

function read(): CoderView {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<CoderView>;
    return { blind: parsed.blind === true, coderId: typeof parsed.coderId === 'number' ? parsed.coderId : null };
  } catch {
    return { blind: false, coderId: null };
  }
}

export function getCoderView(): CoderView {
  return current;
}

export function setCoderView(next: Partial<CoderView>): void {
  current = { ...current, ...next };
  try {
    localStorage.setItem(KEY, JSON.stringify(current));
  } catch {
    // Private windows may refuse storage: the setting then lasts for this session.
  }
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useCoderView(): CoderView {
  return useSyncExternalStore(subscribe, getCoderView);
}

export function currentCoderId(): number | undefined {
  return [...store.coders.values()].find((c) => c.isDefault)?.id;
}

/** The coder whose passages alone are shown, or null for everyone's. */
export function useShownCoder(): number | null {
  const view = useCoderView();
  const version = useSliceVersion(slices.coders);
  const filtering = view.blind || view.coderId !== null;
  useEffect(() => {
    if (filtering) void store.loadCoders().catch(() => undefined);
  }, [filtering]);
  return useMemo(
    () => {
      if (view.blind) return currentCoderId() ?? -1;
      return view.coderId;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the store mutates in place; `version` says when
    [view.blind, view.coderId, version],
  );
}

/** Keeps the passages of the shown coder (a passage without a coder is nobody's: hidden while filtering). */
export function byShownCoder<T>(
  items: T[],
  shown: number | null,
  coderOf: (item: T) => number | null | undefined,
): T[] {
  return shown === null ? items : items.filter((item) => coderOf(item) === shown);
}
