// Recode a passage where it is listed (theme view, retrieval results) without going to the reader: replace one
// of its tags by another, add a tag, remove one. Each change is one highlights.update, so one undo step.
import { useState } from 'react';
import type { Highlight } from '../../shared/types';
import { useWorkbench } from '../app/workbench';
import { useCommands } from '../commands/useCommands';
import { useHighlightActions } from '../reader/actions';
import { useTags } from '../store/hooks';
import { TagChip, TagPicker } from './TagPicker';
import './tags.css';

export function PassageRecoder({ highlight, onClose }: { highlight: Highlight; onClose(): void }) {
  const wb = useWorkbench();
  const tags = useTags();
  const actions = useHighlightActions();
  // The list re-fetches after each edit; until then the latest tags are the ones this editor saved.
  const [tagIds, setTagIds] = useState(highlight.tagIds);
  const [adding, setAdding] = useState(false);
  const byId = new Map(tags.map((t) => [t.id, t]));
  const save = async (next: number[]) => {
    setTagIds(next);
    await actions.setTags({ ...highlight, tagIds }, next);
  };
  const replace = (from: number, to: number) =>
    save(tagIds.includes(to) ? tagIds.filter((id) => id !== from) : tagIds.map((id) => (id === from ? to : id)));
  const add = async (name: string) => {
    const wanted = name.trim();
    if (!wanted) return;
    setAdding(false);
    try {
      const tag =
        tags.find((t) => t.name.toLowerCase() === wanted.toLowerCase()) ??
        (await wb.client['tags.create']({ name: wanted }));
      if (!tagIds.includes(tag.id)) await save([...tagIds, tag.id]);
    } catch (error) {
      wb.setStatus(`Could not add the tag: ${(error as Error).message}`, true);
    }
  };
  useCommands([
    {
      id: 'recode.addTag',
      label: 'Recode the passage: add a tag',
      category: 'Tags',
      run: () => setAdding(true),
    },
    {
      id: 'recode.removeLastTag',
      label: 'Recode the passage: remove its last tag',
      category: 'Tags',
      enabled: () => tagIds.length > 0,
      run: () => void save(tagIds.slice(0, -1)),
    },
    {
      id: 'recode.close',
      label: 'Close the recode editor',
      category: 'Tags',
      keys: ['Escape'],
      hidden: true,
      run: onClose,
    },
  ]);
  return (
    <div className="passage-recoder" role="group" aria-label="Recode this passage">
      {tagIds.length === 0 && <p className="muted">No tags: the passage stays as a plain highlight.</p>}
      <ul className="recode-tags">
        {tagIds.map((id) => {
          const tag = byId.get(id);
          if (!tag) return null;
          return (
            <li key={id}>
              <TagChip tag={tag} onRemove={() => void save(tagIds.filter((t) => t !== id))} />
              <select
                aria-label={`Retag ${tag.name} as`}
                value=""
                onChange={(e) => e.target.value && void replace(id, Number(e.target.value))}
              >
                <option value="">Retag as…</option>
                {tags
                  .filter((t) => t.id !== id && t.codable !== false)
                  .map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
              </select>
            </li>
          );
        })}
      </ul>
      <div className="recode-actions">
        {adding ? (
          <TagPicker
            tags={tags}
            exclude={tagIds}
            autoFocus
            onPick={(name) => void add(name)}
            onClose={() => setAdding(false)}
          />
        ) : (
          <button type="button" className="link-button" onClick={() => setAdding(true)}>
            + Add a tag
          </button>
        )}
        <button type="button" className="link-button" onClick={onClose}>
          Done
        </button>
      </div>
    </div>
  );
}
