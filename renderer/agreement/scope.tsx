// What the agreement table and the queue compare: which coders, which tags, which documents.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ChangeSet, Coder, Tag } from '../../shared/types';
import { store } from '../api/client';
import { useChanges, useSliceVersion, useTags } from '../store/hooks';
import { slices } from '../store/store';

export interface AgreementScope {
  coderIds: number[];
  /** Empty: every tag the coders used. */
  tagIds: number[];
  /** Only the document open in the reader. */
  openDocumentOnly: boolean;
  level: 'character' | 'segment';
  ignoreUncoded: boolean;
  /** Percent, 1–100. */
  threshold: number;
  coderA: number | null;
  coderB: number | null;
}

export const INITIAL_SCOPE: AgreementScope = {
  coderIds: [],
  tagIds: [],
  openDocumentOnly: false,
  level: 'character',
  ignoreUncoded: false,
  threshold: 80,
  coderA: null,
  coderB: null,
};

export function useCoders(): Coder[] {
  const version = useSliceVersion(slices.coders);
  useEffect(() => {
    void store.loadCoders().catch(() => undefined);
  }, []);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the store mutates in place; `version` says when
  return useMemo(() => [...store.coders.values()].sort((a, b) => a.id - b.id), [version]);
}

/** Coders actually compared: the ticked ones, or everyone who coded. */
export function comparedCoders(scope: AgreementScope, coders: Coder[]): number[] {
  return scope.coderIds.length ? scope.coderIds : coders.filter((c) => c.highlightCount > 0).map((c) => c.id);
}

/** The two coders of the queue: the chosen ones, else me and the first other coder with passages. */
export function queuePair(scope: AgreementScope, coders: Coder[]): [number, number] | null {
  const withPassages = coders.filter((c) => c.highlightCount > 0);
  const me = coders.find((c) => c.isDefault);
  const a = scope.coderA ?? me?.id ?? withPassages[0]?.id;
  const b = scope.coderB ?? withPassages.find((c) => c.id !== a)?.id;
  return a !== undefined && b !== undefined && a !== b ? [a, b] : null;
}

function toggle(list: number[], id: number): number[] {
  return list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
}

export function ScopeControls({
  scope,
  update,
  coders,
  pairOnly,
}: {
  scope: AgreementScope;
  update(patch: Partial<AgreementScope>): void;
  coders: Coder[];
  pairOnly: boolean;
}) {
  const tags = useTags();
  const compared = comparedCoders(scope, coders);
  const pair = queuePair(scope, coders);
  return (
    <div className="agreement-scope">
      {pairOnly ? (
        <span className="agreement-pair">
          <CoderSelect
            label="First coder"
            value={pair?.[0] ?? null}
            coders={coders}
            onChange={(id) => update({ coderA: id })}
          />
          <span className="muted">against</span>
          <CoderSelect
            label="Second coder"
            value={pair?.[1] ?? null}
            coders={coders}
            onChange={(id) => update({ coderB: id })}
          />
        </span>
      ) : (
        <fieldset className="agreement-coders">
          <legend>Coders</legend>
          {coders.map((c) => (
            <label key={c.id}>
              <input
                type="checkbox"
                checked={compared.includes(c.id)}
                onChange={() => update({ coderIds: toggle(compared, c.id) })}
              />
              {c.name}
              {c.isDefault && <span className="muted"> (you)</span>}
            </label>
          ))}
        </fieldset>
      )}
      <TagChooser tags={tags} chosen={scope.tagIds} onChange={(tagIds) => update({ tagIds })} />
      <label>
        <input
          type="checkbox"
          checked={scope.openDocumentOnly}
          onChange={(e) => update({ openDocumentOnly: e.target.checked })}
        />
        Only the open document
      </label>
      {(pairOnly || scope.level === 'segment') && (
        <label title="Two passages count as the same when they share this share of their characters (overlap ÷ union)">
          Same passage at
          <input
            type="number"
            min={1}
            max={100}
            step={5}
            value={scope.threshold}
            aria-label="Overlap threshold (percent)"
            onChange={(e) => update({ threshold: Math.min(100, Math.max(1, Number(e.target.value) || 1)) })}
          />
          % overlap
        </label>
      )}
    </div>
  );
}

function CoderSelect({
  label,
  value,
  coders,
  onChange,
}: {
  label: string;
  value: number | null;
  coders: Coder[];
  onChange(id: number): void;
}) {
  return (
    <select aria-label={label} value={value ?? ''} onChange={(e) => onChange(Number(e.target.value))}>
      {value === null && <option value="">Choose a coder</option>}
      {coders.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
          {c.isDefault ? ' (you)' : ''}
        </option>
      ))}
    </select>
  );
}

function TagChooser({ tags, chosen, onChange }: { tags: Tag[]; chosen: number[]; onChange(ids: number[]): void }) {
  return (
    <details className="agreement-tags">
      <summary>{chosen.length ? `${chosen.length} tag${chosen.length === 1 ? '' : 's'}` : 'Every tag used'}</summary>
      <div className="agreement-tag-list">
        <button type="button" className="link-button" onClick={() => onChange([])}>
          Every tag used
        </button>
        {tags.map((t) => (
          <label key={t.id}>
            <input type="checkbox" checked={chosen.includes(t.id)} onChange={() => onChange(toggle(chosen, t.id))} />
            <span className="swatch" style={{ background: t.color }} />
            {t.name}
          </label>
        ))}
      </div>
    </details>
  );
}

/** Bumps when passages or their tags change, so the figures are recomputed. */
export function useCodingChanges(): number {
  const [version, setVersion] = useState(0);
  useChanges(
    useCallback((changes: ChangeSet) => {
      if (changes.highlights || changes.coders) setVersion((v) => v + 1);
    }, []),
  );
  return version;
}
