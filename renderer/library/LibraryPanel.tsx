import type { DocumentSummary } from '../../shared/types';
import { useApi } from '../app/useApi';
import { useWorkbench } from '../app/workbench';

export function LibraryPanel() {
  const wb = useWorkbench();
  const docs = useApi<DocumentSummary[]>(() => wb.client['documents.list']({ sort: 'importedAt' }), []);
  return (
    <section className="library" aria-label="Library">
      <div className="panel-header">
        <h2>Library</h2>
        <span className="muted">{docs.data ? `${docs.data.length}` : ''}</span>
      </div>
      {docs.error && <p className="error">Could not load the library: {docs.error}</p>}
      {docs.data?.length === 0 && <p className="empty">No documents yet. Import reports to start reading.</p>}
      <ul className="doc-list">
        {docs.data?.map((doc) => (
          <li key={doc.id}>
            <button type="button" className={`doc-item${wb.documentId === doc.id ? ' selected' : ''}`}
              aria-current={wb.documentId === doc.id} onClick={() => wb.openDocument(doc.id)}>
              <span className="doc-title">{doc.title}</span>
              <span className="doc-meta">
                {[doc.outlet, doc.publishedAt].filter(Boolean).join(' · ') || doc.sourceName}
                <span className="doc-length">{formatLength(doc.length)}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function formatLength(chars: number): string {
  const words = Math.round(chars / 6);
  return words >= 1000 ? `${(words / 1000).toFixed(1)}k words` : `${words} words`;
}
