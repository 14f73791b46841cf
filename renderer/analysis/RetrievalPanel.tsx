// The query builder over coded segments: tags combined left to right with AND / OR / NOT / NEAR, restricted by an
// attribute, a collection, a coder and when passages were coded; results listed with context, exported, or
// drafted into a memo.
import { useEffect, useMemo, useState } from 'react';
import { describeAttributeFilter } from '../../shared/attributeFilters';
import type { AttributeFilter, RetrievalOperator, RetrievalQuery, RetrievalTerm } from '../../shared/types';
import { store } from '../api/client';
import { saveFile } from '../app/saveFile';
import { useApi } from '../app/useApi';
import { useWorkbench } from '../app/workbench';
import { AttributeFilterPicker } from '../attributes/AttributeFilterPicker';
import { useAttributeValuesVersion } from '../attributes/useAttributes';
import { useCommands } from '../commands/useCommands';
import { useCollections, useSliceVersion, useTags } from '../store/hooks';
import { slices } from '../store/store';
import { useCodingVersion } from './codingVersion';
import { SegmentList, type ContextSetting } from './SegmentList';
import { useShownCoder } from '../coders/coderView';

const OPERATORS: { id: RetrievalOperator; label: string; title: string }[] = [
  { id: 'and', label: 'AND', title: 'Passages that also carry this tag, or overlap a passage that does' },
  { id: 'or', label: 'OR', title: 'Also the passages of this tag' },
  { id: 'not', label: 'NOT', title: 'Leave out passages that carry this tag or overlap one that does' },
  { id: 'near', label: 'NEAR', title: 'Passages with one of this tag within N paragraphs' },
];

export interface RetrievalState {
  terms: RetrievalTerm[];
  includeChildren: boolean;
  attribute: AttributeFilter | null;
  collectionId: number | null;
  coderId: number | null;
  codedFrom: string;
  codedTo: string;
}

export const EMPTY_RETRIEVAL: RetrievalState = {
  terms: [],
  includeChildren: true,
  attribute: null,
  collectionId: null,
  coderId: null,
  codedFrom: '',
  codedTo: '',
};

export function toQuery(s: RetrievalState): RetrievalQuery {
  return {
    terms: s.terms,
    includeChildren: s.includeChildren,
    ...(s.attribute && { attributes: [s.attribute] }),
    ...(s.collectionId !== null && { collectionIds: [s.collectionId] }),
    ...(s.coderId !== null && { coderIds: [s.coderId] }),
    ...(s.codedFrom && { codedFrom: s.codedFrom }),
    ...(s.codedTo && { codedTo: s.codedTo }),
  };
}

export function RetrievalPanel() {
  const wb = useWorkbench();
  const tags = useTags();
  const [state, setState] = useState<RetrievalState>(EMPTY_RETRIEVAL);
  const [context, setContext] = useState<ContextSetting>({ unit: 'sentence', count: 1 });
  const update = (patch: Partial<RetrievalState>) => setState((s) => ({ ...s, ...patch }));
  const live = state.terms.filter((t) => tags.some((tag) => tag.id === t.tagId));
  // Blind mode (or the views' coder filter) narrows retrieval to that coder unless the panel names one itself.
  const shownCoder = useShownCoder();
  const query = useMemo(
    () => toQuery({ ...state, terms: live, coderId: state.coderId ?? shownCoder }),
    [state, live, shownCoder],
  );
  const coding = useCodingVersion();
  const values = useAttributeValuesVersion();
  const key = JSON.stringify(query);
  const result = useApi(
    () => (live.length ? wb.client['retrieval.query']({ query }) : Promise.resolve(null)),
    [key, coding, values],
  );
  const setTerm = (i: number, patch: Partial<RetrievalTerm>) =>
    update({ terms: state.terms.map((t, j) => (j === i ? { ...t, ...patch } : t)) });
  const addTerm = () => {
    const next = tags.find((t) => !state.terms.some((x) => x.tagId === t.id)) ?? tags[0];
    if (next)
      update({ terms: [...state.terms, { tagId: next.id, ...(state.terms.length ? { operator: 'and' } : {}) }] });
  };

  const exportAs = async (format: 'csv' | 'xlsx') => {
    try {
      const file = await wb.client['retrieval.export']({ query, format });
      saveFile(file);
      const n = result.data?.total ?? 0;
      wb.setStatus(`Exported ${n} passage${n === 1 ? '' : 's'} to ${file.fileName}.`);
    } catch (e) {
      wb.setStatus(`Export failed: ${(e as Error).message}`, true);
    }
  };
  const draftMemo = async () => {
    const title = window.prompt('Title of the new memo', 'Retrieved passages');
    if (!title?.trim()) return;
    try {
      const memo = await wb.client['retrieval.draftMemo']({ query, title });
      wb.openMemo(memo.id);
      wb.setStatus(`Drafted “${memo.title}” citing ${result.data?.total ?? 0} passages.`);
    } catch (e) {
      wb.setStatus(`Could not draft the memo: ${(e as Error).message}`, true);
    }
  };
  const ready = live.length > 0 && (result.data?.total ?? 0) > 0;
  useCommands([
    {
      id: 'retrieval.exportCsv',
      label: 'Export retrieved passages as CSV',
      category: 'Analysis',
      enabled: () => ready,
      run: () => exportAs('csv'),
    },
    {
      id: 'retrieval.exportXlsx',
      label: 'Export retrieved passages as Excel (XLSX)',
      category: 'Analysis',
      enabled: () => ready,
      run: () => exportAs('xlsx'),
    },
    {
      id: 'retrieval.draftMemo',
      label: 'Draft memo from this result',
      category: 'Analysis',
      enabled: () => ready,
      run: draftMemo,
    },
  ]);

  return (
    <div className="retrieval">
      <form className="retrieval-builder" aria-label="Query" onSubmit={(e) => e.preventDefault()}>
        <div className="retrieval-terms">
          {state.terms.map((term, i) => (
            <div className="retrieval-term" key={i}>
              {i > 0 && (
                <select
                  aria-label={`Operator ${i + 1}`}
                  value={term.operator ?? 'and'}
                  title={OPERATORS.find((o) => o.id === (term.operator ?? 'and'))?.title}
                  onChange={(e) => setTerm(i, { operator: e.target.value as RetrievalOperator })}
                >
                  {OPERATORS.map((o) => (
                    <option key={o.id} value={o.id} title={o.title}>
                      {o.label}
                    </option>
                  ))}
                </select>
              )}
              <select
                aria-label={`Tag ${i + 1}`}
                value={term.tagId}
                onChange={(e) => setTerm(i, { tagId: Number(e.target.value) })}
              >
                {tags.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
              {term.operator === 'near' && (
                <label className="near-distance">
                  within
                  <input
                    type="number"
                    min={0}
                    max={100}
                    aria-label={`Paragraphs ${i + 1}`}
                    value={term.distance ?? 1}
                    onChange={(e) => setTerm(i, { distance: Math.max(0, Number(e.target.value) || 0) })}
                  />
                  paragraphs
                </label>
              )}
              <button
                type="button"
                className="link-button"
                aria-label={`Remove tag ${i + 1}`}
                onClick={() =>
                  update({
                    terms: state.terms.filter((_, j) => j !== i).map((t, j) => (j === 0 ? { tagId: t.tagId } : t)),
                  })
                }
              >
                ×
              </button>
            </div>
          ))}
          <button type="button" onClick={addTerm} disabled={tags.length === 0}>
            + {state.terms.length ? 'Combine with a tag' : 'Add a tag'}
          </button>
        </div>
        <div className="retrieval-restrictions">
          <label className="toggle" title="A parent tag also stands for every tag under it">
            <input
              type="checkbox"
              checked={state.includeChildren}
              onChange={(e) => update({ includeChildren: e.target.checked })}
            />
            Include sub-tags
          </label>
          <AttributeFilterPicker filter={state.attribute} onChange={(attribute) => update({ attribute })} />
          <CollectionPicker value={state.collectionId} onChange={(collectionId) => update({ collectionId })} />
          <CoderPicker value={state.coderId} onChange={(coderId) => update({ coderId })} />
          <label>
            coded from
            <input
              type="date"
              aria-label="Coded from"
              value={state.codedFrom}
              onChange={(e) => update({ codedFrom: e.target.value })}
            />
          </label>
          <label>
            to
            <input
              type="date"
              aria-label="Coded to"
              value={state.codedTo}
              onChange={(e) => update({ codedTo: e.target.value })}
            />
          </label>
        </div>
      </form>
      {live.length === 0 ? (
        <div className="empty-state">
          <h2>Retrieve coded passages</h2>
          <p>
            Add a tag, then combine it with others (AND, OR, NOT, NEAR) and narrow by attribute, collection, coder or
            date.
          </p>
        </div>
      ) : result.error ? (
        <p className="error">{result.error}</p>
      ) : !result.data ? (
        <p className="muted loading">Retrieving…</p>
      ) : (
        <>
          <div className="retrieval-summary">
            <p aria-live="polite">
              <b>{result.data.total.toLocaleString()}</b> passage{result.data.total === 1 ? '' : 's'} in{' '}
              {result.data.documentCount.toLocaleString()} document{result.data.documentCount === 1 ? '' : 's'}
              <span className="muted query-words"> · {describe(live, tags, state)}</span>
            </p>
            <label>
              Context ±
              <select
                aria-label="Context"
                value={`${context.count} ${context.unit}`}
                onChange={(e) => {
                  const [count, unit] = e.target.value.split(' ');
                  setContext({ count: Number(count), unit: unit as ContextSetting['unit'] });
                }}
              >
                {[0, 1, 2].flatMap((n) =>
                  (['sentence', 'paragraph'] as const).map((u) => (
                    <option key={`${n}${u}`} value={`${n} ${u}`}>
                      {n === 0 ? `rest of the ${u}` : `${n} ${u}${n === 1 ? '' : 's'}`}
                    </option>
                  )),
                )}
              </select>
            </label>
            <span className="spacer" />
            <div className="segmented">
              <button type="button" disabled={!ready} onClick={() => void exportAs('csv')}>
                CSV
              </button>
              <button type="button" disabled={!ready} onClick={() => void exportAs('xlsx')}>
                XLSX
              </button>
            </div>
            <button type="button" disabled={!ready} onClick={() => void draftMemo()}>
              Draft memo from this result
            </button>
          </div>
          {result.data.total === 0 ? (
            <p className="empty">No passage matches this query.</p>
          ) : (
            <SegmentList result={result.data} context={context} />
          )}
        </>
      )}
    </div>
  );
}

function CollectionPicker({ value, onChange }: { value: number | null; onChange(id: number | null): void }) {
  const collections = useCollections();
  if (collections.length === 0) return null;
  return (
    <select
      aria-label="Collection"
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}
    >
      <option value="">All collections</option>
      {collections.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </select>
  );
}

function CoderPicker({ value, onChange }: { value: number | null; onChange(id: number | null): void }) {
  const version = useSliceVersion(slices.coders);
  useEffect(() => {
    void store.loadCoders().catch(() => undefined);
  }, []);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the store mutates in place; `version` says when
  const coders = useMemo(() => [...store.coders.values()], [version]);
  if (coders.length < 2) return null;
  return (
    <select
      aria-label="Coder"
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}
    >
      <option value="">Any coder</option>
      {coders.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </select>
  );
}

/** The query in words, read left to right: "(Talks OR Sanctions) NOT Visas, where Outlet type = State". */
function describe(terms: RetrievalTerm[], tags: { id: number; name: string }[], s: RetrievalState): string {
  const name = (id: number) => tags.find((t) => t.id === id)?.name ?? '?';
  const words = terms.reduce((text, term, i) => {
    if (i === 0) return name(term.tagId);
    const op = term.operator ?? 'and';
    const joined = `${text} ${op === 'near' ? `NEAR ${term.distance ?? 1}¶` : op.toUpperCase()} ${name(term.tagId)}`;
    return i < terms.length - 1 ? `(${joined})` : joined;
  }, '');
  const where = [
    s.attribute && describeAttributeFilter(s.attribute),
    s.codedFrom && `coded from ${s.codedFrom}`,
    s.codedTo && `coded until ${s.codedTo}`,
  ].filter(Boolean);
  return `${words}${where.length ? `, where ${where.join(', ')}` : ''}`;
}
