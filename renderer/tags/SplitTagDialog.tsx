// Split a tag: tick the passages that belong to a new idea, name it, and those passages move to the new tag
// (beside the old one in the codebook). The preview says what moves and what stays; the split is one undo step.
import { useCallback, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { pageLabel } from '../../shared/pages';
import type { Tag, ThemeGroup, ThemePassage } from '../../shared/types';
import { useApi } from '../app/useApi';
import { VirtualList } from '../app/VirtualList';
import { useWorkbench } from '../app/workbench';
import '../attributes/attributes.css';
import './tags.css';

type Row = { kind: 'document'; title: string } | { kind: 'passage'; passage: ThemePassage };

export function SplitTagDialog({ tag, onClose }: { tag: Tag; onClose(): void }) {
  const wb = useWorkbench();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState(new Set<number>());
  const [error, setError] = useState<string | null>(null);
  const groups = useApi<ThemeGroup[]>(
    () => wb.client['themes.passages']({ tagIds: [tag.id], mode: 'or', includeChildren: false }),
    [tag.id],
  );
  const rows = useMemo<Row[]>(
    () =>
      (groups.data ?? []).flatMap((g) => [
        { kind: 'document' as const, title: g.document.title },
        ...g.passages.map((passage) => ({ kind: 'passage' as const, passage })),
      ]),
    [groups.data],
  );
  const total = rows.filter((r) => r.kind === 'passage').length;
  const toggle = (id: number) =>
    setChosen((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const estimateSize = useCallback((i: number) => (rows[i].kind === 'document' ? 30 : 52), [rows]);
  const itemKey = useCallback(
    (i: number) => {
      const r = rows[i];
      return r.kind === 'document' ? `d${i}` : r.passage.highlight.id;
    },
    [rows],
  );
  const split = async () => {
    try {
      const created = await wb.client['tags.split']({ sourceId: tag.id, name, highlightIds: [...chosen] });
      wb.setStatus(`Moved ${chosen.size} passages to “${created.name}” (Ctrl+Z to undo).`);
      onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const ready = name.trim() !== '' && chosen.size > 0;
  // On the body, not inside the tag editor that opened it: none of the codebook's styles apply.
  return createPortal(
    <div className="modal-backdrop" role="presentation" onClick={onClose}>
      <div
        className="modal split-dialog"
        role="dialog"
        aria-label={`Split ${tag.name}`}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <header>
          <h2>Split “{tag.name}”</h2>
          <button type="button" className="link-button" onClick={onClose}>
            Close
          </button>
        </header>
        <p className="muted">Tick the passages that belong to the new tag. The others keep “{tag.name}”.</p>
        <label className="split-name">
          New tag{' '}
          <input autoFocus value={name} onChange={(e) => setName(e.target.value)} placeholder="Name of the new tag" />
        </label>
        {groups.error && <p className="error">{groups.error}</p>}
        {!groups.data && !groups.error && <p className="muted loading">Gathering passages…</p>}
        {groups.data && (
          <VirtualList
            className="split-passages"
            label={`Passages of ${tag.name}`}
            count={rows.length}
            estimateSize={estimateSize}
            itemKey={itemKey}
            renderItem={(i) => {
              const row = rows[i];
              if (row.kind === 'document') return <h3 className="split-document">{row.title}</h3>;
              const { highlight, page, pageEnd } = row.passage;
              return (
                <label className="split-passage">
                  <input type="checkbox" checked={chosen.has(highlight.id)} onChange={() => toggle(highlight.id)} />
                  <span>
                    “{highlight.exact}” {page && <span className="page-label">{pageLabel(page, pageEnd)}</span>}
                  </span>
                </label>
              );
            }}
          />
        )}
        <p className="merge-preview" role="status">
          {chosen.size} of {total} passages move to “{name.trim() || 'the new tag'}”; {total - chosen.size} stay with “
          {tag.name}”.
        </p>
        {error && <p className="error">{error}</p>}
        <div className="split-actions">
          <button type="button" className="primary" disabled={!ready} onClick={() => void split()}>
            Split
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
