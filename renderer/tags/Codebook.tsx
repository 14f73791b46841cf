// The codebook: tags as a tree, each selectable for the theme view and editable in place.
import { useState } from 'react';
import type { Tag } from '../../shared/types';
import { useApi } from '../app/useApi';
import { useWorkbench } from '../app/workbench';
import { useCommands } from '../commands/useCommands';
import { SplitTagDialog } from './SplitTagDialog';
import { createMemoAbout } from '../memo/memoCommands';
import { useMemos } from '../store/hooks';
import './tags.css';
import { IdSelect, byName } from '../app/IdSelect';

interface Props {
  tags: Tag[];
  selected: number[];
  onToggle(id: number): void;
}

export function Codebook({ tags, selected, onToggle }: Props) {
  const wb = useWorkbench();
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<number | null>(null);
  const create = async () => {
    if (!name.trim()) return;
    try {
      await wb.client['tags.create']({ name });
      setName('');
    } catch (error) {
      wb.setStatus((error as Error).message, true);
    }
  };
  const rows = flattenTree(tags);
  return (
    <section className="codebook" aria-label="Codebook">
      <div className="panel-header">
        <h2>Codebook</h2>
        <span className="muted">{tags.length}</span>
      </div>
      <form
        className="codebook-new"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <input aria-label="New tag" placeholder="New tag…" value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit">Add</button>
      </form>
      {tags.length === 0 && <p className="empty">No tags yet. Tag a highlight in the reader, or add one here.</p>}
      <ul className="codebook-list">
        {rows.map(({ tag, depth }) => (
          <li key={tag.id} style={{ paddingLeft: 8 + depth * 16 }}>
            <label className="codebook-row">
              <input type="checkbox" checked={selected.includes(tag.id)} onChange={() => onToggle(tag.id)} />
              <span className="swatch" style={{ background: tag.color }} />
              <span className="codebook-name" title={tag.description}>
                {tag.name}
              </span>
              <span className="muted">{tag.highlightCount}</span>
              <button
                type="button"
                className="icon-button"
                aria-label={`Edit ${tag.name}`}
                onClick={(e) => {
                  e.preventDefault();
                  setEditing(editing === tag.id ? null : tag.id);
                }}
              >
                ✎
              </button>
            </label>
            {editing === tag.id && <TagEditor tag={tag} tags={tags} onDone={() => setEditing(null)} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

function TagEditor({ tag, tags, onDone }: { tag: Tag; tags: Tag[]; onDone(): void }) {
  const wb = useWorkbench();
  const [name, setName] = useState(tag.name);
  const [color, setColor] = useState(tag.color);
  const [description, setDescription] = useState(tag.description);
  const [parentId, setParentId] = useState<number | null>(tag.parentId);
  const [mergeInto, setMergeInto] = useState<number | ''>('');
  const [deletePolicy, setDeletePolicy] = useState<'untag' | 'delete' | 'reassign'>('untag');
  const [reassignTo, setReassignTo] = useState<number | ''>('');
  const [splitting, setSplitting] = useState(false);
  const others = tags.filter((t) => t.id !== tag.id);
  const preview = useApi(
    () =>
      mergeInto === ''
        ? Promise.resolve(null)
        : wb.client['tags.mergePreview']({ sourceId: tag.id, targetId: Number(mergeInto) }),
    [mergeInto, tag.id, tag.highlightCount],
  );
  const merge = () =>
    void run(
      () => wb.client['tags.merge']({ sourceId: tag.id, targetId: Number(mergeInto) }),
      `Merged “${tag.name}” (Ctrl+Z to undo).`,
    );
  useCommands([
    {
      id: 'tags.mergeEdited',
      label: `Merge “${tag.name}” into the chosen tag`,
      category: 'Tags',
      enabled: () => mergeInto !== '',
      run: merge,
    },
    {
      id: 'tags.splitEdited',
      label: `Split “${tag.name}”: move chosen passages to a new tag…`,
      category: 'Tags',
      enabled: () => tag.highlightCount > 0,
      run: () => setSplitting(true),
    },
  ]);
  const run = async (work: () => Promise<unknown>, message: string) => {
    try {
      await work();
      wb.setStatus(message);
      onDone();
    } catch (error) {
      wb.setStatus((error as Error).message, true);
    }
  };
  return (
    <div className="tag-editor">
      <label>
        Name <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        Colour <input type="color" value={color} onChange={(e) => setColor(e.target.value)} />
      </label>
      <label>
        Description <textarea rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <TagMemos tag={tag} />
      <label>
        Inside
        <select value={parentId ?? ''} onChange={(e) => setParentId(e.target.value ? Number(e.target.value) : null)}>
          <option value="">(top level)</option>
          {others.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <div className="tag-editor-actions">
        <button
          type="button"
          onClick={() =>
            void run(() => wb.client['tags.update']({ id: tag.id, name, color, description, parentId }), 'Tag saved.')
          }
        >
          Save
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      <div className="tag-editor-row">
        <IdSelect
          label="Merge into"
          none="Merge into…"
          value={mergeInto}
          options={byName(others)}
          onChange={setMergeInto}
        />
        <button type="button" disabled={mergeInto === '' || !preview.data} onClick={merge}>
          Merge
        </button>
      </div>
      {preview.data && (
        <p className="merge-preview" role="status">
          {mergePreviewText(
            tag,
            others.find((t) => t.id === mergeInto)!,
            preview.data,
          )}
        </p>
      )}
      {preview.error && <p className="error">{preview.error}</p>}
      <div className="tag-editor-row">
        <button type="button" disabled={tag.highlightCount === 0} onClick={() => setSplitting(true)}>
          Split…
        </button>
        <span className="muted">move some of its passages to a new tag</span>
      </div>
      {splitting && <SplitTagDialog tag={tag} onClose={() => setSplitting(false)} />}
      <div className="tag-editor-row">
        <select
          aria-label="When deleting"
          value={deletePolicy}
          onChange={(e) => setDeletePolicy(e.target.value as typeof deletePolicy)}
        >
          <option value="untag">Delete tag, keep its {tag.highlightCount} passages</option>
          <option value="reassign">Delete tag, move passages to…</option>
          <option value="delete">Delete tag and its {tag.highlightCount} passages</option>
        </select>
        {deletePolicy === 'reassign' && (
          <IdSelect
            label="Move passages to"
            none="choose a tag"
            value={reassignTo}
            options={byName(others)}
            onChange={setReassignTo}
          />
        )}
        <button
          type="button"
          className="danger"
          disabled={deletePolicy === 'reassign' && reassignTo === ''}
          onClick={() =>
            void run(
              () =>
                wb.client['tags.delete']({
                  id: tag.id,
                  passages: deletePolicy,
                  ...(deletePolicy === 'reassign' ? { reassignTo: Number(reassignTo) } : {}),
                }),
              `Deleted “${tag.name}”. Ctrl+Z brings it back with its passages.`,
            )
          }
        >
          Delete
        </button>
      </div>
    </div>
  );
}

/** Says what a merge will do: how many passages move, which collapse, and what happens to the sub-tags. */
function mergePreviewText(
  source: Tag,
  target: Tag,
  p: { moving: number; duplicates: number; targetAfter: number; subTags: number },
): string {
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  const parts = [`${n(p.moving, 'passage', 'passages')} of “${source.name}” move to “${target.name}”`];
  if (p.duplicates) {
    parts.push(`${n(p.duplicates, 'already carries', 'already carry')} both and will carry “${target.name}” once`);
  }
  const after = `“${target.name}” will have ${n(p.targetAfter, 'passage', 'passages')}`;
  const subTags = p.subTags ? ` ${n(p.subTags, 'sub-tag moves', 'sub-tags move')} under it.` : '';
  return `${parts.join('; ')}. ${after}, and “${source.name}” goes.${subTags}`;
}

function flattenTree(tags: Tag[]): { tag: Tag; depth: number }[] {
  const children = new Map<number | null, Tag[]>();
  const ids = new Set(tags.map((t) => t.id));
  for (const t of tags) {
    const parent = t.parentId !== null && ids.has(t.parentId) ? t.parentId : null;
    (children.get(parent) ?? children.set(parent, []).get(parent)!).push(t);
  }
  const out: { tag: Tag; depth: number }[] = [];
  const walk = (parent: number | null, depth: number) => {
    for (const t of children.get(parent) ?? []) {
      out.push({ tag: t, depth });
      walk(t.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** Code memos: the memos about this tag, beside its description, and a way to start one. */
function TagMemos({ tag }: { tag: Tag }) {
  const wb = useWorkbench();
  const memos = useMemos().filter((m) => m.tagId === tag.id);
  return (
    <div className="tag-memos" aria-label="Code memos">
      <span className="muted">Code memos:</span>
      {memos.map((m) => (
        <button key={m.id} type="button" className="link-button" onClick={() => wb.openMemo(m.id)}>
          ↗ {m.title}
        </button>
      ))}
      <button type="button" className="link-button" onClick={() => void createMemoAbout(wb, { tagId: tag.id })}>
        New memo about this tag
      </button>
    </div>
  );
}
