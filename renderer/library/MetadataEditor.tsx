import { useRef, useState } from 'react';
import { fileToBase64 } from './importFiles';
import type { Collection, DocumentSummary } from '../../shared/types';
import { useWorkbench } from '../app/workbench';
import { useAttributeEdits } from '../attributes/DocumentAttributeFields';

/** Title, outlet, author, date, URL, collection and notes of a document, edited in the library. */
export function MetadataEditor({
  doc,
  collections,
  onDone,
}: {
  doc: DocumentSummary;
  collections: Collection[];
  onDone(): void;
}) {
  const wb = useWorkbench();
  const [form, setForm] = useState({
    title: doc.title,
    outlet: doc.outlet ?? '',
    author: doc.author ?? '',
    publishedAt: doc.publishedAt ?? '',
    url: doc.url ?? '',
    notes: doc.notes,
    collectionId: doc.collectionId,
  });
  const [error, setError] = useState<string | null>(null);
  const attributes = useAttributeEdits(doc.id);
  const reimportInput = useRef<HTMLInputElement>(null);
  const reimport = async (file: File | undefined) => {
    if (!file) return;
    try {
      const r = await wb.client['documents.reimport']({
        id: doc.id,
        fileName: file.name,
        base64: await fileToBase64(file),
      });
      wb.setStatus(
        `Re-imported ${file.name}: ${r.placed} highlight${r.placed === 1 ? '' : 's'} placed${r.orphaned ? `, ${r.orphaned} could not be placed (kept, listed in the margin)` : ''}.`,
      );
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const field = (key: 'title' | 'outlet' | 'author' | 'publishedAt' | 'url', label: string, type = 'text') => (
    <label>
      {label}
      <input type={type} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </label>
  );
  const save = async () => {
    try {
      await wb.client['documents.update']({
        id: doc.id,
        patch: {
          title: form.title,
          outlet: form.outlet.trim() || null,
          author: form.author.trim() || null,
          publishedAt: form.publishedAt || null,
          url: form.url.trim() || null,
          notes: form.notes,
          collectionId: form.collectionId,
        },
      });
      await attributes.save(wb.client);
      wb.setStatus('Details saved.');
      onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <form
      className="metadata-editor"
      aria-label="Document details"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {field('title', 'Title')}
      {field('outlet', 'Outlet / source')}
      {field('author', 'Author')}
      {field('publishedAt', 'Published', 'date')}
      {field('url', 'URL', 'url')}
      <label>
        Collection
        <select
          value={form.collectionId ?? ''}
          onChange={(e) => setForm({ ...form, collectionId: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">(none)</option>
          {collections.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      {attributes.fields}
      <label>
        Notes
        <textarea rows={3} value={form.notes} onChange={(e) => setForm({ ...form, notes: e.target.value })} />
      </label>
      {error && <p className="error">{error}</p>}
      <div className="metadata-actions">
        <button
          type="button"
          title="Replace the text with an edited version of the file; highlights follow their passages"
          onClick={() => reimportInput.current?.click()}
        >
          Re-import edited file…
        </button>
        <input
          ref={reimportInput}
          type="file"
          hidden
          aria-label="Re-import file"
          onChange={(e) => {
            void reimport(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Save
        </button>
      </div>
    </form>
  );
}
