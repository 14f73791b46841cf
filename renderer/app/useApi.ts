import { useEffect, useState } from 'react';
import { useWorkbench } from './workbench';

export interface Loaded<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
}

/** Runs a read against the API and re-runs it when deps or the workbench's data version change. */
export function useApi<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const { dataVersion } = useWorkbench();
  const [state, setState] = useState<Loaded<T>>({ data: undefined, error: null, loading: true });
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => { if (live) setState({ data, error: null, loading: false }); },
      (error: unknown) => { if (live) setState({ data: undefined, error: (error as Error).message, loading: false }); },
    );
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, dataVersion]);
  return state;
}
