// Picks another memo to link to from the open one.
import { useMemo, useState } from 'react';
import type { MemoSummary } from '../../shared/types';
import { useMemos } from '../store/hooks';
import { memoKindLabel } from './subject';

export function LinkMemoDialog({
  exclude,
  onPick,
  onClose,
}: {
  exclude: number;
  onPick(memo: MemoSummary): void;
  onClose(): void;
}) {
  const memos = useMemos();
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const needle = query.trim().toLocaleLowerCase();
    return memos.filter((m) => m.id !== exclude && m.title.toLocaleLowerCase().includes(needle)).slice(0, 50);
  }, [memos, query, exclude]);
  return (
    <div className="dialog link-memo" role="dialog" aria-label="Link a memo">
      <h3>Link to another memo</h3>
      <input
        autoFocus
        aria-label="Find a memo"
        placeholder="Find a memo by title"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
          if (e.key === 'Enter' && shown[0]) onPick(shown[0]);
        }}
      />
      {shown.length === 0 && <p className="muted">No other memo{query ? ' with that title' : ' yet'}.</p>}
      <ul>
        {shown.map((m) => (
          <li key={m.id}>
            <button type="button" className="link-button" onClick={() => onPick(m)}>
              {m.title} <span className="muted">({memoKindLabel(m)})</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </div>
  );
}
