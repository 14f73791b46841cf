// Ctrl+K: every command with its shortcut; type to filter, arrows to move, Enter to run.
import { useEffect, useMemo, useRef, useState } from 'react';
import { commands, formatKey } from './registry';
import { useCommandList } from './useCommands';
import './commands.css';

export function CommandPalette({ initialQuery = '', onClose }: { initialQuery?: string; onClose(): void }) {
  const all = useCommandList();
  const [query, setQuery] = useState(initialQuery);
  const [active, setActive] = useState(0);
  const list = useRef<HTMLUListElement>(null);
  const matches = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return all.filter((c) => words.every((w) => `${c.category} ${c.label}`.toLowerCase().includes(w)));
  }, [all, query]);
  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const run = (index: number) => {
    const command = matches[index];
    if (!command || !commands.isEnabled(command)) return;
    onClose();
    // Let the palette close (and focus return) before the command opens anything of its own.
    setTimeout(() => commands.run(command.id), 0);
  };
  return (
    <div className="palette-backdrop" onMouseDown={onClose}>
      <div className="palette" role="dialog" aria-label="Command palette" onMouseDown={(e) => e.stopPropagation()}>
        <input
          autoFocus
          aria-label="Command"
          placeholder="Type a command…"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((a) => Math.min(a + 1, matches.length - 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(a - 1, 0));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              run(active);
            } else if (e.key === 'Escape') {
              e.preventDefault();
              onClose();
            }
            e.stopPropagation();
          }}
        />
        <ul ref={list} role="listbox" aria-label="Commands">
          {matches.length === 0 && <li className="palette-empty">No command matches “{query}”.</li>}
          {matches.map((c, i) => {
            const enabled = commands.isEnabled(c);
            return (
              <li
                key={c.id}
                role="option"
                aria-selected={i === active}
                aria-disabled={!enabled}
                className={`${i === active ? 'active' : ''}${enabled ? '' : ' disabled'}`}
                onMouseMove={() => setActive(i)}
                onClick={() => run(i)}
              >
                <span className="palette-category">{c.category}</span>
                <span className="palette-label">{c.label}</span>
                {c.keys?.[0] && <kbd>{formatKey(c.keys[0])}</kbd>}
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
