import { useCallback, useEffect, useRef } from 'react';

/** Debounced save that also flushes on demand (blur) and when the component unmounts, so nothing typed is lost. */
export function useAutosave<T>(save: (value: T) => Promise<void>, delayMs = 600): { schedule(value: T): void; flush(): void } {
  const pending = useRef<{ value: T } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const item = pending.current;
    pending.current = null;
    if (item) void saveRef.current(item.value);
  }, []);
  const schedule = useCallback((value: T) => {
    pending.current = { value };
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(flush, delayMs);
  }, [delayMs, flush]);
  useEffect(() => flush, [flush]);
  useEffect(() => {
    window.addEventListener('beforeunload', flush);
    return () => window.removeEventListener('beforeunload', flush);
  }, [flush]);
  return { schedule, flush };
}
