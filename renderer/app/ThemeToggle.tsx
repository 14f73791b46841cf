import { useEffect, useState } from 'react';
import { useCommands } from '../commands/useCommands';

type Scheme = 'system' | 'light' | 'dark';
const KEY = 'gloss.colorScheme';
const NEXT: Record<Scheme, Scheme> = { system: 'light', light: 'dark', dark: 'system' };

/** Light / dark / follow the system; remembered across sessions. */
export function ThemeToggle() {
  const [scheme, setScheme] = useState<Scheme>(() => (localStorage.getItem(KEY) as Scheme | null) ?? 'system');
  useEffect(() => {
    localStorage.setItem(KEY, scheme);
    if (scheme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = scheme;
  }, [scheme]);
  useCommands([
    {
      id: 'view.colorScheme',
      label: 'Switch colour scheme (system, light, dark)',
      category: 'View',
      run: () => setScheme((s) => NEXT[s]),
    },
  ]);
  return (
    <button
      type="button"
      className="theme-toggle"
      onClick={() => setScheme(NEXT[scheme])}
      title={`Colour scheme: ${scheme} (click to change)`}
      aria-label={`Colour scheme: ${scheme}`}
    >
      {scheme === 'dark' ? '☾' : scheme === 'light' ? '☀' : '◐'}
    </button>
  );
}
