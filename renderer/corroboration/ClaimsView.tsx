// The Claims view: what the corpus states, clustered across documents, with who states it — so what only one outlet
// reports, and what one outlet copied from another, can be seen at a glance.
import { useCallback, useMemo, useState } from 'react';
import type { ChangeSet, Claim, ClaimsReport } from '../../shared/types';
import { useApi } from '../app/useApi';
import { VirtualList } from '../app/VirtualList';
import { useWorkbench } from '../app/workbench';
import { useChanges, useCollections } from '../store/hooks';
import './corroboration.css';
import { IdSelect, byName } from '../app/IdSelect';

type Show = 'shared' | 'single' | 'all';

export function ClaimsView() {
  const wb = useWorkbench();
  const collections = useCollections();
  const [collectionId, setCollectionId] = useState<number | ''>('');
  const [show, setShow] = useState<Show>('shared');
  const [version, setVersion] = useState(0);
  useChanges(
    useCallback((changes: ChangeSet) => {
      if (changes.documents?.created.length || changes.documents?.deleted.length) setVersion((v) => v + 1);
    }, []),
  );
  const report = useApi<ClaimsReport>(
    () => wb.client['corroboration.claims'](collectionId === '' ? {} : { collectionId }),
    [collectionId, version],
  );
  const claims = useMemo(() => {
    const all = report.data?.claims ?? [];
    if (show === 'all') return all;
    return all.filter((c) => (show === 'single' ? c.sources.length === 1 : c.sources.length > 1));
  }, [report.data, show]);
  const shared = report.data?.claims.filter((c) => c.sources.length > 1).length ?? 0;
  const single = (report.data?.claims.length ?? 0) - shared;
  const estimateSize = useCallback((i: number) => 90 + claims[i].sentences.length * 22, [claims]);
  const itemKey = useCallback(
    (i: number) => `${claims[i].sentences[0].documentId}:${claims[i].sentences[0].start}`,
    [claims],
  );
  return (
    <div className="claims">
      <div className="claims-toolbar">
        <h2>Claims</h2>
        <div className="segmented" role="tablist" aria-label="Which claims">
          {(
            [
              ['shared', `Reported by several (${shared})`],
              ['single', `Single-sourced (${single})`],
              ['all', 'All'],
            ] as const
          ).map(([id, label]) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={show === id}
              className={show === id ? 'active' : ''}
              onClick={() => setShow(id)}
            >
              {label}
            </button>
          ))}
        </div>
        {collections.length > 0 && (
          <IdSelect
            label="Collection"
            none="Whole project"
            value={collectionId}
            options={byName(collections)}
            onChange={setCollectionId}
          />
        )}
        <button
          type="button"
          title="A memo with a section per claim citing each source, and an evidence table"
          disabled={!report.data?.claims.length}
          onClick={() =>
            void wb.client['memos.draftFromClaims']({
              title: 'What the sources report',
              includeSingle: show !== 'shared',
              ...(collectionId === '' ? {} : { collectionId }),
            }).then(
              (memo) => wb.openMemo(memo.id),
              (error: Error) => wb.setStatus(error.message, true),
            )
          }
        >
          Draft memo from claims
        </button>
        {report.data && (
          <span className="muted">
            {report.data.sentences.toLocaleString()} claim sentences in {report.data.documentsCovered.toLocaleString()}{' '}
            documents
            {report.data.documentsCovered < report.data.documentsInScope &&
              ` (the first ${report.data.documentsCovered} of ${report.data.documentsInScope.toLocaleString()}: choose a collection)`}
          </span>
        )}
      </div>
      {report.error && <p className="error">{report.error}</p>}
      {!report.data && !report.error && <p className="muted loading">Comparing every claim with every other…</p>}
      {report.data && claims.length === 0 && <p className="empty">No claim here.</p>}
      {claims.length > 0 && (
        <VirtualList
          className="claims-list"
          label="Claims"
          count={claims.length}
          estimateSize={estimateSize}
          itemKey={itemKey}
          overscan={4}
          renderItem={(i) => <ClaimCard claim={claims[i]} />}
        />
      )}
    </div>
  );
}

function ClaimCard({ claim }: { claim: Claim }) {
  const wb = useWorkbench();
  const independent = claim.sources.filter((s) => !s.copy);
  const copies = claim.sources.filter((s) => s.copy);
  return (
    <article className={`claim${claim.sources.length === 1 ? ' single' : ''}`}>
      <p className="claim-text">{claim.text}</p>
      <p className="claim-sources">
        <span className={`reported-by${claim.sources.length === 1 ? ' single' : ''}`}>
          {claim.sources.length === 1 ? 'single source' : `${independent.length} independent`}
          {copies.length ? ` · ${copies.length} cop${copies.length === 1 ? 'y' : 'ies'}` : ''}
        </span>
        {claim.sources.map((s) => (
          <span key={s.source} className={`claim-source${s.copy ? ' copy' : ''}`} title={s.source}>
            {s.source}
            {s.copy && <span className="copy-flag">copy</span>}
          </span>
        ))}
      </p>
      {claim.sentences.length > 1 && (
        <ul className="claim-sentences">
          {claim.sentences.map((s) => (
            <li key={`${s.documentId}:${s.start}`}>
              <button
                type="button"
                className="link-button"
                title={`Open in ${s.source}`}
                onClick={() => wb.openDocument(s.documentId, { start: s.start, end: s.end })}
              >
                <span className="claim-sentence-source">{s.source}</span> {s.text}
              </button>
            </li>
          ))}
        </ul>
      )}
      {claim.sentences.length === 1 && (
        <button
          type="button"
          className="link-button"
          onClick={() => wb.openDocument(claim.sentences[0].documentId, claim.sentences[0])}
        >
          Open in {claim.sentences[0].source}
        </button>
      )}
    </article>
  );
}
