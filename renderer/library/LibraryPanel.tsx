// The library: documents with their source and size; import (files, folder, drag-and-drop), details, sorting and filters.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentSummary } from '../../shared/types';
import { useApi } from '../app/useApi';
import { useWorkbench } from '../app/workbench';
import { ImportPanel } from './ImportPanel';
import { importBatch, SUPPORTED, type ImportProgress } from './importFiles';
import './library.css';
import { MetadataEditor } from './MetadataEditor';

type Sort = 'importedAt' | 'title' | 'outlet' | 'publishedAt' | 'length' | 'tagCount';
const SORTS: { id: Sort; label: string }[] = [
  { id: 'importedAt', label: 'Added' }, { id: 'title', label: 'Title' }, { id: 'outlet', label: 'Outlet' },
  { id: 'publishedAt', label: 'Date' }, { id: 'tagCount', label: 'Tags' }, { id: 'length', label: 'Length' },
];

export function LibraryPanel() {
  const wb = useWorkbench();
  const [sort, setSort] = useState<Sort>('importedAt');
  const [descending, setDescending] = useState(false);
  const [outlet, setOutlet] = useState('');
  const [collectionId, setCollectionId] = useState<number | ''>('');
  const [editing, setEditing] = useState<number | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [lastBatch, setLastBatch] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  const signal = useRef({ cancelled: false });
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const docs = useApi<DocumentSummary[]>(() => wb.client['documents.list']({
    sort, descending, ...(outlet ? { outlet } : {}), ...(collectionId !== '' ? { collectionId } : {}),
  }), [sort, descending, outlet, collectionId]);
  const all = useApi(() => wb.client['documents.list']({}), []);
  const collections = useApi(() => wb.client['collections.list']({}), []);
  const outlets = useMemo(() => [...new Set((all.data ?? []).map((d) => d.outlet).filter((o): o is string => Boolean(o)))].sort(), [all.data]);

  useEffect(() => {
    const onCommand = (e: Event) => {
      const command = (e as CustomEvent<string>).detail;
      if (command === 'import:files') fileInput.current?.click();
      if (command === 'import:folder') folderInput.current?.click();
    };
    window.addEventListener('gloss:command', onCommand);
    return () => window.removeEventListener('gloss:command', onCommand);
  }, []);

  const runImport = async (files: File[], allowDuplicate = false) => {
    const wanted = files.filter((f) => SUPPORTED.test(f.name) || files.length === 1 || !f.webkitRelativePath);
    if (wanted.length === 0) return;
    signal.current = { cancelled: false };
    setLastBatch(wanted);
    const result = await importBatch(wb.client, wanted, { allowDuplicate, signal: signal.current }, setProgress);
    const imported = result.results.filter((r) => r.status === 'imported');
    wb.setStatus(`Imported ${imported.length} of ${result.total} file${result.total === 1 ? '' : 's'}.`);
    wb.invalidate();
    if (imported.length === 1 && result.total === 1) wb.openDocument(imported[0].document!.id);
  };
  const importDuplicates = () => {
    const names = new Set(progress?.results.filter((r) => r.status === 'duplicate').map((r) => r.fileName));
    void runImport(lastBatch.filter((f) => names.has(f.webkitRelativePath || f.name)), true);
  };

  return (
    <section className={`library${dragging ? ' dragging' : ''}`} aria-label="Library"
      onDragOver={(e) => { if (e.dataTransfer.types.includes('Files')) { e.preventDefault(); setDragging(true); } }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(false);
        void runImport([...e.dataTransfer.files]);
      }}>
      <div className="panel-header">
        <h2>Library <span className="muted">{docs.data?.length ?? ''}</span></h2>
        <div className="library-actions">
          <button type="button" onClick={() => fileInput.current?.click()} title="Import files (Ctrl+I)">Import…</button>
          <button type="button" onClick={() => folderInput.current?.click()} title="Import every supported file in a folder">Folder…</button>
        </div>
        <input ref={fileInput} type="file" multiple hidden aria-label="Import files" accept=".txt,.text,.md,.markdown,.html,.htm,.pdf,.docx"
          onChange={(e) => { void runImport([...(e.target.files ?? [])]); e.target.value = ''; }} />
        <input ref={folderInput} type="file" hidden aria-label="Import folder" {...{ webkitdirectory: '', directory: '' }}
          onChange={(e) => { void runImport([...(e.target.files ?? [])]); e.target.value = ''; }} />
      </div>
      {progress && (
        <ImportPanel progress={progress} onCancel={() => { signal.current.cancelled = true; }}
          onClose={() => setProgress(null)} onImportDuplicates={importDuplicates} />
      )}
      <div className="library-filters">
        <select aria-label="Sort by" value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
          {SORTS.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
        </select>
        <button type="button" aria-label={descending ? 'Descending' : 'Ascending'} onClick={() => setDescending(!descending)}>{descending ? '↓' : '↑'}</button>
        <select aria-label="Outlet" value={outlet} onChange={(e) => setOutlet(e.target.value)}>
          <option value="">All outlets</option>
          {outlets.map((o) => <option key={o} value={o}>{o}</option>)}
        </select>
        {(collections.data?.length ?? 0) > 0 && (
          <select aria-label="Collection" value={collectionId} onChange={(e) => setCollectionId(e.target.value ? Number(e.target.value) : '')}>
            <option value="">All collections</option>
            {collections.data?.map((c) => <option key={c.id} value={c.id}>{c.name} ({c.documentCount})</option>)}
          </select>
        )}
        <NewCollection />
      </div>
      {docs.error && <p className="error">Could not load the library: {docs.error}</p>}
      {docs.data?.length === 0 && (
        <p className="empty">{outlet || collectionId !== '' ? 'No document matches these filters.' : 'No documents yet. Import reports or drop files here to start reading.'}</p>
      )}
      <ul className="doc-list">
        {docs.data?.map((doc) => (
          <li key={doc.id}>
            <button type="button" className={`doc-item${wb.documentId === doc.id ? ' selected' : ''}`}
              aria-current={wb.documentId === doc.id} onClick={() => wb.openDocument(doc.id)}>
              <span className="doc-title">{doc.title}</span>
              <span className="doc-meta">
                <span>{[doc.outlet, doc.publishedAt].filter(Boolean).join(' · ') || doc.sourceName}</span>
                <span className="doc-length">{doc.tagCount ? `${doc.tagCount} tag${doc.tagCount === 1 ? '' : 's'} · ` : ''}{formatLength(doc.length)}</span>
              </span>
            </button>
            {wb.documentId === doc.id && editing !== doc.id && (
              <button type="button" className="link-button edit-details" onClick={() => setEditing(doc.id)}>Edit details</button>
            )}
            {editing === doc.id && <MetadataEditor doc={doc} collections={collections.data ?? []} onDone={() => setEditing(null)} />}
          </li>
        ))}
      </ul>
      {dragging && <div className="drop-hint">Drop files to import them</div>}
    </section>
  );
}

function NewCollection() {
  const wb = useWorkbench();
  const create = async () => {
    const name = window.prompt('Name of the new collection');
    if (!name?.trim()) return;
    try { await wb.client['collections.create']({ name }); wb.invalidate(); } catch (e) { wb.setStatus((e as Error).message); }
  };
  return <button type="button" title="New collection" onClick={() => void create()}>+ Collection</button>;
}

export function formatLength(chars: number): string {
  const words = Math.round(chars / 6);
  return words >= 1000 ? `${(words / 1000).toFixed(1)}k words` : `${words} words`;
}
