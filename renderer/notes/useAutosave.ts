import { useCallback, useEffect, useRef } from 'react';

export interface AutosaveHooks {
  onSaved?(): void;
  /** A save failed; it is kept and tried again (with growing delays) until it succeeds or newer text replaces it. */
  onFailed?(error: Error, attempt: number): void;
}

const RETRY_DELAYS_MS = [1000, 3000, 10000, 30000];

/**
 * Debounced save that also flushes on demand (blur), when the component unmounts and before the page unloads,
 * so nothing typed is lost. A failed save stays pending and is retried; newer text supersedes it.
 */
export function useAutosave<T>(
  save: (value: T) => Promise<void>,
  hooks: AutosaveHooks = {},
  delayMs = 600,
): { schedule(value: T): void; flush(): void } {
  const pending = useRef<{ value: T } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const attempts = useRef(0);
  const latest = useRef({ save, hooks });
  latest.current = { save, hooks };

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const item = pending.current;
    if (!item) return;
    pending.current = null;
    latest.current.save(item.value).then(
      () => {
        attempts.current = 0;
        latest.current.hooks.onSaved?.();
      },
      (error: unknown) => {
        if (pending.current === null) pending.current = item;
        attempts.current++;
        latest.current.hooks.onFailed?.(error as Error, attempts.current);
        const delay = RETRY_DELAYS_MS[Math.min(attempts.current - 1, RETRY_DELAYS_MS.length - 1)];
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(flush, delay);
      },
    );
  }, []);
  const schedule = useCallback(
    (value: T) => {
      pending.current = { value };
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, delayMs);
    },
    [delayMs, flush],
  );
  useEffect(() => flush, [flush]);
  useEffect(() => {
    window.addEventListener('beforeunload', flush);
    return () => window.removeEventListener('beforeunload', flush);
  }, [flush]);
  return { schedule, flush };
}
