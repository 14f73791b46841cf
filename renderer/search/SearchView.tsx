// Ranked results across documents, highlights and notes, with the match marked and a jump to the exact spot.
import { useState } from 'react';
import { AttributeFilterPicker } from '../attributes/AttributeFilterPicker';
import type { AttributeFilter, SearchHit, SearchKind } from '../../shared/types';
import { useApi } from '../app/useApi';
import { VirtualList } from '../app/VirtualList';
import { useWorkbench } from '../app/workbench';
import { useDocumentSummary, useTags } from '../store/hooks';
import './search.css';
import { IdSelect, byName } from '../app/IdSelect';

const KINDS: { id: SearchKind; label: string }[] = [
  { id: 'document', label: 'Documents' },
  { id: 'highlight', label: 'Highlights' },
  { id: 'note', label: 'Notes' },
];

export function SearchView() {
  const wb = useWorkbench();
  const [kinds, setKinds] = useState<SearchKind[]>(['document', 'highlight', 'note']);
  const [documentId, setDocumentId] = useState<number | ''>('');
  const [tagId, setTagId] = useState<number | ''>('');
  const [attribute, setAttribute] = useState<AttributeFilter | null>(null);
  const tags = useTags();
  // The document filter offers the open document (a list of every document would not scale to 100,000).
  const openDocument = useDocumentSummary(wb.documentId);
  const filterDocument = useDocumentSummary(documentId === '' ? null : documentId);
  const hits = useApi<SearchHit[]>(
    () =>
      wb.searchQuery.trim() && kinds.length
        ? wb.client['search.query']({
            query: wb.searchQuery,
            kinds,
            limit: 100,
            ...(documentId !== '' ? { documentId } : {}),
            ...(tagId !== '' ? { tagId } : {}),
            ...(attribute ? { attributes: [attribute] } : {}),
          })
        : Promise.resolve([]),
    [wb.searchQuery, kinds.join(), documentId, tagId, JSON.stringify(attribute)],
  );
  const open = (hit: SearchHit) => {
    if (hit.documentId === null) return;
    if (hit.offset === null) wb.openDocument(hit.documentId);
    else
      wb.openDocument(hit.documentId, {
        start: hit.offset,
        end: hit.offset + (hit.matchLength ?? 0),
        ...(hit.kind === 'highlight' ? { highlightId: hit.id } : {}),
      });
  };
  return (
    <div className="search-view">
      <div className="search-filters">
        <h2>Results for “{wb.searchQuery}”</h2>
        {KINDS.map((k) => (
          <label key={k.id}>
            <input
              type="checkbox"
              checked={kinds.includes(k.id)}
              onChange={() => setKinds((ks) => (ks.includes(k.id) ? ks.filter((x) => x !== k.id) : [...ks, k.id]))}
            />{' '}
            {k.label}
          </label>
        ))}
        <select
          aria-label="In document"
          value={documentId}
          onChange={(e) => setDocumentId(e.target.value ? Number(e.target.value) : '')}
        >
          <option value="">All documents</option>
          {[openDocument, filterDocument]
            .filter((d, i, all) => d && all.findIndex((x) => x?.id === d.id) === i)
            .map((d) => (
              <option key={d!.id} value={d!.id}>
                {d!.title.slice(0, 60)}
              </option>
            ))}
        </select>
        <IdSelect label="With tag" none="Any tag" value={tagId} options={byName(tags)} onChange={setTagId} />
        <AttributeFilterPicker filter={attribute} onChange={setAttribute} />
      </div>
      {hits.error && <p className="error">{hits.error}</p>}
      {hits.data?.length === 0 && !hits.loading && (
        <p className="empty">
          Nothing found. Try fewer words, a prefix like <code>sanct*</code>, or check the filters.
        </p>
      )}
      {hits.data && hits.data.length > 0 && (
        <VirtualList
          className="search-results"
          label="Search results"
          count={hits.data.length}
          estimateSize={() => 92}
          itemKey={(i) => `${hits.data![i].kind}-${hits.data![i].id}`}
          renderItem={(i) => {
            const hit = hits.data![i];
            return (
              <button type="button" className="search-hit" onClick={() => open(hit)}>
                <span className={`kind kind-${hit.kind}`}>{hit.kind}</span>
                <span className="hit-title">{hit.documentTitle ?? 'Untitled'}</span>
                <span className="hit-snippet">
                  <Snippet text={hit.snippet} />
                </span>
              </button>
            );
          }}
        />
      )}
    </div>
  );
}

/** FTS marks matches with \u0002…\u0003; they become <mark> elements, and the text stays text. */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(/(\u0002[^\u0003]*\u0003)/);
  return (
    <>
      {parts.map((part, i) =>
        part.startsWith('\u0002') ? <mark key={i}>{part.slice(1, -1)}</mark> : <span key={i}>{part}</span>,
      )}
    </>
  );
}
