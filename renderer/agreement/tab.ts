// Which tab the Agreement view shows, kept outside it so a command can open the queue before the view's code is
// loaded (or while it is open).
import { useSyncExternalStore } from 'react';

export type AgreementTab = 'table' | 'queue';

let requested: AgreementTab = 'table';
const listeners = new Set<() => void>();

export function requestAgreementTab(tab: AgreementTab): void {
  requested = tab;
  listeners.forEach((l) => l());
}

export function useAgreementTab(): AgreementTab {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => requested,
  );
}
