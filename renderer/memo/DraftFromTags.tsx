import { useState } from 'react';
import { useWorkbench } from '../app/workbench';
import { useTags } from '../store/hooks';

/** Starts a memo with one section per chosen tag, its passages already cited in document order. */
export function DraftFromTags({ onClose }: { onClose(): void }) {
  const wb = useWorkbench();
  const tags = useTags();
  const [chosen, setChosen] = useState<number[]>([]);
  const [title, setTitle] = useState('Draft memo');
  const draft = async () => {
    try {
      const memo = await wb.client['memos.draftFromTags']({ title, tagIds: chosen });
      wb.openMemo(memo.id);
      onClose();
    } catch (error) {
      wb.setStatus((error as Error).message, true);
    }
  };
  return (
    <div className="dialog" role="dialog" aria-label="Draft from tags">
      <h3>Draft a memo from tags</h3>
      <label>
        Title <input value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      {tags.length === 0 && <p className="muted">No tags yet: tag passages in the reader first.</p>}
      <ul>
        {tags.map((t) => (
          <li key={t.id}>
            <label>
              <input
                type="checkbox"
                checked={chosen.includes(t.id)}
                onChange={() => setChosen((c) => (c.includes(t.id) ? c.filter((x) => x !== t.id) : [...c, t.id]))}
              />
              <span className="swatch" style={{ background: t.color }} /> {t.name}{' '}
              <span className="muted">({t.highlightCount})</span>
            </label>
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={chosen.length === 0 || !title.trim()}
          onClick={() => void draft()}
        >
          Draft memo
        </button>
      </div>
    </div>
  );
}
