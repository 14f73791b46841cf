import { useState } from 'react';
import { useWorkbench } from '../app/workbench';
import { useCollections } from '../store/hooks';
import { IdSelect, byName } from '../app/IdSelect';

/** Starts a memo with a section per claim, citing each source that states it, and an evidence table. */
export function DraftFromClaims({ onClose }: { onClose(): void }) {
  const wb = useWorkbench();
  const collections = useCollections();
  const [title, setTitle] = useState('What the sources report');
  const [collectionId, setCollectionId] = useState<number | ''>('');
  const [includeSingle, setIncludeSingle] = useState(false);
  const [busy, setBusy] = useState(false);
  const draft = async () => {
    setBusy(true);
    try {
      const memo = await wb.client['memos.draftFromClaims']({
        title,
        includeSingle,
        ...(collectionId === '' ? {} : { collectionId }),
      });
      wb.openMemo(memo.id);
      onClose();
    } catch (error) {
      wb.setStatus((error as Error).message, true);
      setBusy(false);
    }
  };
  return (
    <div className="dialog" role="dialog" aria-label="Draft from claims">
      <h3>Draft a memo from claims</h3>
      <p className="muted">
        A section per claim, citing each source that states it, and an evidence table (claim × source with grades).
      </p>
      <label>
        Title <input value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      {collections.length > 0 && (
        <label>
          Documents{' '}
          <IdSelect
            none="Whole project"
            value={collectionId}
            options={byName(collections)}
            onChange={setCollectionId}
          />
        </label>
      )}
      <label>
        <input type="checkbox" checked={includeSingle} onChange={(e) => setIncludeSingle(e.target.checked)} /> Include
        single-sourced claims
      </label>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={!title.trim() || busy} onClick={() => void draft()}>
          {busy ? 'Comparing the sources…' : 'Draft memo'}
        </button>
      </div>
    </div>
  );
}
