// Type-ahead tag input: arrows move through matches, Enter assigns the match (or creates the typed tag), Escape closes.
import { useMemo, useState } from 'react';
import type { Tag } from '../../shared/types';
import './tags.css';

interface Props {
  tags: Tag[];
  exclude?: number[];
  autoFocus?: boolean;
  onPick(name: string): void;
  onClose?(): void;
}

export function TagPicker({ tags, exclude = [], autoFocus, onPick, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    return tags
      .filter((t) => t.codable !== false && !exclude.includes(t.id) && t.name.toLowerCase().includes(q))
      .slice(0, 8);
  }, [tags, exclude, query]);
  const exact = matches.some((t) => t.name.toLowerCase() === query.trim().toLowerCase());

  const pick = (name: string) => {
    onPick(name);
    setQuery('');
    setActive(0);
  };
  return (
    <div className="tag-picker">
      <input
        aria-label="Tag"
        placeholder="Tag… (type, Enter)"
        value={query}
        autoFocus={autoFocus}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, matches.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            const choice =
              query.trim() && !exact && active === 0 && !matches.length ? query : (matches[active]?.name ?? query);
            if (choice.trim()) pick(choice);
          } else if (e.key === 'Escape') {
            onClose?.();
          }
        }}
      />
      {(matches.length > 0 || query.trim()) && (
        <ul className="tag-suggestions" role="listbox">
          {matches.map((t, i) => (
            <li key={t.id} role="option" aria-selected={i === active}>
              <button
                type="button"
                className={i === active ? 'active' : ''}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(t.name);
                }}
              >
                <span className="swatch" style={{ background: t.color }} />
                {t.name}
              </button>
            </li>
          ))}
          {query.trim() && !exact && (
            <li role="option" aria-selected={matches.length === 0}>
              <button
                type="button"
                className={matches.length === 0 ? 'active' : ''}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(query);
                }}
              >
                Create “{query.trim()}”
              </button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

export function TagChip({ tag, onRemove }: { tag: Tag; onRemove?(): void }) {
  return (
    <span className="tag-chip" style={{ borderColor: tag.color }} title={tag.description || undefined}>
      <span className="swatch" style={{ background: tag.color }} />
      {tag.name}
      {onRemove && (
        <button type="button" aria-label={`Remove tag ${tag.name}`} onClick={onRemove}>
          ×
        </button>
      )}
    </span>
  );
}
