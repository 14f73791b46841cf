// The Memos overview: every memo of the project in one place — about the project, a document, a tag (code memos)
// or a passage — with search, filters by kind, tag and document, and the links between memos.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ChangeSet, MemoIndexEntry, MemoKind } from '../../shared/types';
import { useApi } from '../app/useApi';
import { useWorkbench } from '../app/workbench';
import { useChanges, useTags } from '../store/hooks';
import { createMemoAbout } from './memoCommands';
import { memoKindLabel } from './subject';
import './memo.css';
import { IdSelect, byName, byTitle } from '../app/IdSelect';

const KINDS: { id: MemoKind | ''; label: string }[] = [
  { id: '', label: 'All kinds' },
  { id: 'project', label: 'Project memos' },
  { id: 'document', label: 'Document memos' },
  { id: 'tag', label: 'Code memos' },
  { id: 'passage', label: 'Passage memos' },
];

export function MemoIndexView() {
  const wb = useWorkbench();
  const tags = useTags();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<MemoKind | ''>('');
  const [tagId, setTagId] = useState<number | ''>('');
  const [documentId, setDocumentId] = useState<number | ''>('');
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed), 200);
    return () => clearTimeout(timer);
  }, [typed]);
  useChanges(
    useCallback((changes: ChangeSet) => {
      if (changes.memos || changes.tags || changes.documents?.deleted.length) setVersion((v) => v + 1);
    }, []),
  );
  const index = useApi<MemoIndexEntry[]>(() => wb.client['memos.index']({ query }), [query, version]);
  const all = useMemo(() => index.data ?? [], [index.data]);
  const documents = useMemo(() => documentOptions(all), [all]);
  const shown = all.filter(
    (m) =>
      (kind === '' || m.kind === kind) &&
      (tagId === '' || m.tagIds.includes(tagId)) &&
      (documentId === '' || m.documents.some((d) => d.id === documentId)),
  );
  return (
    <div className="memo-index">
      <div className="memo-index-toolbar">
        <h2>Memo index</h2>
        <input
          type="search"
          aria-label="Search memos"
          placeholder="Search titles and text"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
        <select aria-label="Kind" value={kind} onChange={(e) => setKind(e.target.value as MemoKind | '')}>
          {KINDS.map((k) => (
            <option key={k.id} value={k.id}>
              {k.label}
            </option>
          ))}
        </select>
        <IdSelect label="Tag" none="Any tag" value={tagId} options={byName(tags)} onChange={setTagId} />
        <IdSelect
          label="Document"
          none="Any document"
          value={documentId}
          options={byTitle(documents)}
          onChange={setDocumentId}
        />
        <button type="button" onClick={() => void createMemoAbout(wb, {})}>
          New project memo
        </button>
        {index.data && (
          <span className="muted">
            {shown.length} of {all.length} memo{all.length === 1 ? '' : 's'}
          </span>
        )}
      </div>
      {index.error && <p className="error">{index.error}</p>}
      {!index.data && !index.error && <p className="muted loading">Reading the memos…</p>}
      {index.data && shown.length === 0 && (
        <p className="empty">
          {all.length === 0
            ? 'No memo yet. Start one here, or from a document, a tag or a passage (“New memo about this”).'
            : 'No memo matches.'}
        </p>
      )}
      <ul className="memo-index-list" aria-label="Memos found">
        {shown.map((m) => (
          <MemoCard key={m.id} memo={m} />
        ))}
      </ul>
    </div>
  );
}

function MemoCard({ memo }: { memo: MemoIndexEntry }) {
  const wb = useWorkbench();
  return (
    <li className={`memo-card kind-${memo.kind}`}>
      <div className="memo-card-head">
        <button type="button" className="link-button memo-card-title" onClick={() => wb.openMemo(memo.id)}>
          {memo.title}
        </button>
        <span className="memo-kind">{memoKindLabel(memo)}</span>
        <span className="muted">{new Date(memo.updatedAt).toLocaleDateString()}</span>
      </div>
      <Subject memo={memo} />
      {memo.excerpt && <p className="memo-card-excerpt">{memo.excerpt}</p>}
      <p className="memo-card-links muted">
        {memo.citations > 0 && (
          <span>
            {memo.citations} citation{memo.citations === 1 ? '' : 's'}
          </span>
        )}
        <MemoLinks label="Links to" links={memo.linksTo} />
        <MemoLinks label="Linked from" links={memo.linkedFrom} />
      </p>
    </li>
  );
}

function Subject({ memo }: { memo: MemoIndexEntry }) {
  const wb = useWorkbench();
  if (memo.kind === 'project') return null;
  if (memo.kind === 'tag')
    return (
      <p className="memo-card-subject">
        About the tag <strong>{memo.tagName}</strong>
      </p>
    );
  const open = () => memo.documents[0] && wb.openDocument(memo.documents[0].id);
  return (
    <p className="memo-card-subject">
      {memo.kind === 'passage' ? (
        <>
          About the passage “{memo.passage}” in{' '}
          <button type="button" className="link-button" onClick={open}>
            {memo.documentTitle}
          </button>
        </>
      ) : (
        <>
          About{' '}
          <button type="button" className="link-button" onClick={open}>
            {memo.documentTitle}
          </button>
        </>
      )}
    </p>
  );
}

function MemoLinks({ label, links }: { label: string; links: { id: number; title: string }[] }) {
  const wb = useWorkbench();
  if (links.length === 0) return null;
  return (
    <span className="memo-links">
      {label}:{' '}
      {links.map((l, i) => (
        <span key={l.id}>
          {i > 0 && ', '}
          <button type="button" className="link-button" onClick={() => wb.openMemo(l.id)}>
            ↗ {l.title}
          </button>
        </span>
      ))}
    </span>
  );
}

/** The documents the memos are about or cite, by title. */
function documentOptions(entries: MemoIndexEntry[]): { id: number; title: string }[] {
  const byId = new Map(entries.flatMap((m) => m.documents.map((d) => [d.id, d] as const)));
  return [...byId.values()].sort((a, b) => a.title.localeCompare(b.title));
}
