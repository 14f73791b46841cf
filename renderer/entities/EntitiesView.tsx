// The entity index: the people, organisations and places the corpus names, each with its mentions across documents
// and counts by outlet; a mention opens in the reader. The analyst renames, merges, splits and deletes entities and
// codes one's mentions as a tag, each an undoable edit. Reading runs in the background; its progress shows here.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ChangeSet, EntityDetail, EntityIndex, EntityKind, EntitySummary } from '../../shared/types';
import { useApi } from '../app/useApi';
import { VirtualList } from '../app/VirtualList';
import { useWorkbench } from '../app/workbench';
import { useCommands } from '../commands/useCommands';
import { useChanges } from '../store/hooks';
import { ProgressLine, useReadingPoll } from './progress';
import './entities.css';

const KINDS: { id: EntityKind | 'all'; label: string }[] = [
  { id: 'all', label: 'All' },
  { id: 'person', label: 'People' },
  { id: 'organisation', label: 'Organisations' },
  { id: 'place', label: 'Places' },
];

const KIND_LABEL: Record<EntityKind, string> = { person: 'person', organisation: 'organisation', place: 'place' };

export function EntitiesView() {
  const wb = useWorkbench();
  const [version, setVersion] = useState(0);
  const [kind, setKind] = useState<EntityKind | 'all'>('all');
  const [filter, setFilter] = useState('');
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [marked, setMarked] = useState<Set<number>>(new Set());
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  useChanges(
    useCallback(
      (changes: ChangeSet) => {
        if (changes.entityIndex || changes.documents?.created.length || changes.documents?.deleted.length) refresh();
      },
      [refresh],
    ),
  );
  const index = useApi<EntityIndex>(() => wb.client['entities.index']({}), [version]);
  useReadingPoll(index.data?.progress, refresh);
  const entities = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return (index.data?.entities ?? []).filter(
      (e) => (kind === 'all' || e.kind === kind) && (!needle || e.name.toLowerCase().includes(needle)),
    );
  }, [index.data, kind, filter]);
  const selected = index.data?.entities.find((e) => e.id === selectedId) ?? null;
  useEffect(() => {
    if (entities.length > 0 && !entities.some((e) => e.id === selectedId)) setSelectedId(entities[0].id);
  }, [entities, selectedId]);
  const toggleMark = (id: number) =>
    setMarked((m) => {
      const next = new Set(m);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const mergeInto = async () => {
    if (!selected) return;
    const sourceIds = [...marked].filter((id) => id !== selected.id);
    if (!sourceIds.length) return;
    try {
      const merged = await wb.client['entities.merge']({ sourceIds, targetId: selected.id });
      setMarked(new Set());
      wb.setStatus(`Merged ${sourceIds.length} into ${merged.name}.`);
    } catch (e) {
      wb.setStatus(`Could not merge: ${(e as Error).message}`, true);
    }
  };
  const mergeCount = [...marked].filter((id) => id !== selectedId).length;
  useCommands([
    {
      id: 'entities.merge',
      label: 'Merge the ticked entities into the selected one',
      category: 'Entities',
      keys: ['Mod+Shift+E'],
      enabled: () => selected !== null && mergeCount > 0,
      run: mergeInto,
    },
  ]);
  return (
    <div className="entities">
      <div className="claims-toolbar">
        <h2>Entities</h2>
        <div className="segmented" role="tablist" aria-label="Which entities">
          {KINDS.map((k) => (
            <button
              key={k.id}
              type="button"
              role="tab"
              aria-selected={kind === k.id}
              className={kind === k.id ? 'active' : ''}
              onClick={() => setKind(k.id)}
            >
              {k.label}
            </button>
          ))}
        </div>
        <input
          type="search"
          aria-label="Filter entities"
          placeholder="Filter…"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        {mergeCount > 0 && selected && (
          <button type="button" onClick={mergeInto}>
            Merge {mergeCount} ticked into {selected.name}
          </button>
        )}
        <ProgressLine progress={index.data?.progress} />
      </div>
      {index.error && <p className="error">{index.error}</p>}
      <div className="entities-body">
        <div className="entities-list-pane">
          {index.data && entities.length === 0 && (
            <p className="empty">{index.data.progress.running ? 'Reading the documents…' : 'No entity here.'}</p>
          )}
          {entities.length > 0 && (
            <VirtualList
              className="entities-list"
              label="Entities"
              count={entities.length}
              estimateSize={() => 34}
              itemKey={(i) => entities[i].id}
              renderItem={(i) => (
                <EntityRow
                  entity={entities[i]}
                  selected={entities[i].id === selectedId}
                  marked={marked.has(entities[i].id)}
                  onSelect={() => setSelectedId(entities[i].id)}
                  onMark={() => toggleMark(entities[i].id)}
                />
              )}
            />
          )}
        </div>
        <div className="entity-detail-pane">
          {selected && <EntityPanel key={selected.id} entity={selected} version={version} />}
        </div>
      </div>
    </div>
  );
}

interface RowProps {
  entity: EntitySummary;
  selected: boolean;
  marked: boolean;
  onSelect(): void;
  onMark(): void;
}

function EntityRow({ entity, selected, marked, onSelect, onMark }: RowProps) {
  return (
    <div className={`entity-row${selected ? ' selected' : ''}`}>
      <input type="checkbox" aria-label={`Tick ${entity.name} to merge`} checked={marked} onChange={onMark} />
      <button type="button" className="entity-name" aria-current={selected} onClick={onSelect}>
        <span className={`entity-kind ${entity.kind}`}>{KIND_LABEL[entity.kind]}</span>
        {entity.name}
      </button>
      <span className="entity-count" title={`${entity.mentions} mentions in ${entity.documents} documents`}>
        {entity.mentions} · {entity.documents} doc{entity.documents === 1 ? '' : 's'}
      </span>
    </div>
  );
}

function EntityPanel({ entity, version }: { entity: EntitySummary; version: number }) {
  const wb = useWorkbench();
  const detail = useApi<EntityDetail>(() => wb.client['entities.get']({ entityId: entity.id }), [entity.id, version]);
  const [name, setName] = useState(entity.name);
  const [splitAliases, setSplitAliases] = useState<Set<string>>(new Set());
  const nameInput = useRef<HTMLInputElement>(null);
  useEffect(() => setName(entity.name), [entity.name]);
  const run = async (what: string, action: () => Promise<unknown>) => {
    try {
      await action();
    } catch (e) {
      wb.setStatus(`Could not ${what}: ${(e as Error).message}`, true);
    }
  };
  const rename = () =>
    run('rename', async () => {
      if (name.trim() && name.trim() !== entity.name) {
        await wb.client['entities.rename']({ entityId: entity.id, name: name.trim() });
        wb.setStatus(`Renamed to ${name.trim()}.`);
      }
    });
  const remove = () =>
    run('delete', async () => {
      await wb.client['entities.delete']({ entityId: entity.id });
      wb.setStatus(`Deleted ${entity.name} (Ctrl+Z brings it back).`);
    });
  const toTag = () =>
    run('code the mentions', async () => {
      const { tag, coded } = await wb.client['entities.toTag']({ entityId: entity.id });
      wb.setStatus(`Coded ${coded} mentions with the tag ${tag.name}.`);
    });
  const split = () =>
    run('split', async () => {
      const mentions = detail.data?.mentions.filter((m) => splitAliases.has(m.text.replace(/\s+/g, ' '))) ?? [];
      if (!mentions.length) return;
      const newName = [...splitAliases][0];
      const made = await wb.client['entities.split']({
        entityId: entity.id,
        mentionIds: mentions.map((m) => m.id),
        name: newName,
      });
      setSplitAliases(new Set());
      wb.setStatus(`Split ${made.name} off ${entity.name}.`);
    });
  const allAliases = detail.data?.aliases.length ?? 0;
  useCommands([
    {
      id: 'entities.rename',
      label: 'Rename the selected entity',
      category: 'Entities',
      keys: ['F2'],
      run: () => nameInput.current?.select(),
    },
    { id: 'entities.delete', label: 'Delete the selected entity', category: 'Entities', run: remove },
    {
      id: 'entities.toTag',
      label: 'Code the selected entity’s mentions as a tag',
      category: 'Entities',
      keys: ['Mod+Shift+G'],
      run: toTag,
    },
    {
      id: 'entities.split',
      label: 'Split the ticked spellings off the selected entity',
      category: 'Entities',
      enabled: () => splitAliases.size > 0 && splitAliases.size < allAliases,
      run: split,
    },
  ]);
  const d = detail.data;
  return (
    <section className="entity-detail" aria-label={`Entity ${entity.name}`}>
      <form
        className="entity-rename"
        onSubmit={(e) => {
          e.preventDefault();
          void rename();
        }}
      >
        <input ref={nameInput} aria-label="Entity name" value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" disabled={!name.trim() || name.trim() === entity.name}>
          Rename
        </button>
        <button type="button" onClick={toTag} title="Every mention becomes a passage with a tag of this name">
          Code as tag
        </button>
        <button type="button" className="danger" onClick={remove}>
          Delete
        </button>
      </form>
      <p className="muted">
        {KIND_LABEL[entity.kind]} · {entity.mentions} mentions in {entity.documents} document
        {entity.documents === 1 ? '' : 's'}
      </p>
      {detail.error && <p className="error">{detail.error}</p>}
      {d && (
        <>
          <h3>By outlet</h3>
          <ul className="entity-outlets">
            {d.byOutlet.map((o) => (
              <li key={o.source}>
                <span className="entity-outlet-name">{o.source}</span>
                <span className="entity-bar" style={{ width: `${(o.mentions / d.byOutlet[0].mentions) * 100}%` }} />
                <span className="entity-count">{o.mentions}</span>
              </li>
            ))}
          </ul>
          <h3>Written as</h3>
          <ul className="entity-aliases">
            {d.aliases.map((a) => (
              <li key={a.text}>
                <label>
                  <input
                    type="checkbox"
                    checked={splitAliases.has(a.text)}
                    disabled={d.aliases.length === 1}
                    onChange={() =>
                      setSplitAliases((s) => {
                        const next = new Set(s);
                        if (next.has(a.text)) next.delete(a.text);
                        else next.add(a.text);
                        return next;
                      })
                    }
                  />
                  {a.text} <span className="entity-count">{a.mentions}</span>
                </label>
              </li>
            ))}
          </ul>
          {splitAliases.size > 0 && splitAliases.size < d.aliases.length && (
            <button type="button" onClick={split}>
              Split {[...splitAliases].join(', ')} into an entity of its own
            </button>
          )}
          <h3>Mentions</h3>
          <ol className="entity-mentions">
            {d.mentions.map((m) => (
              <li key={m.id}>
                <button
                  type="button"
                  className="link-button entity-mention"
                  title={`Open in ${m.source}`}
                  onClick={() => wb.openDocument(m.documentId, { start: m.start, end: m.end })}
                >
                  <span className="claim-sentence-source">{m.source}</span>{' '}
                  {m.context.slice(0, m.start - m.contextStart)}
                  <mark>{m.text}</mark>
                  {m.context.slice(m.end - m.contextStart)}
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
