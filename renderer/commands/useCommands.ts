import { useEffect, useRef, useSyncExternalStore } from 'react';
import { commands, type Command } from './registry';

/**
 * Registers commands while the component is mounted. The definitions may close over fresh state on every render:
 * the registry calls the latest ones.
 */
export function useCommands(definitions: Command[]): void {
  const latest = useRef(definitions);
  latest.current = definitions;
  const ids = definitions.map((d) => d.id).join('|');
  useEffect(() => {
    const offs = latest.current.map((definition, i) =>
      commands.register({
        ...definition,
        enabled: () => {
          const current = latest.current[i];
          return current?.enabled ? current.enabled() : true;
        },
        run: () => latest.current[i]?.run(),
      }),
    );
    return () => offs.forEach((off) => off());
  }, [ids]);
}

/** Re-renders when commands are added or removed (the palette). */
export function useCommandList(): Command[] {
  useSyncExternalStore(
    (l) => commands.subscribe(l),
    () => commands.getVersion(),
  );
  return commands.list();
}
