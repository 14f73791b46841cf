// The library: documents with their source and size; import (files, folder, drag-and-drop), details, sorting and
// filters. Only the rows on screen are mounted and fetched, so 100,000 documents cost what 30 do.
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import type { ChangeSet, DocumentPage } from '../../shared/types';
import { AttributeFilterPicker } from '../attributes/AttributeFilterPicker';
import { AttributesDialog } from '../attributes/AttributesDialog';
import { BulkAttributes } from '../attributes/BulkAttributes';
import { useAttributeValuesVersion } from '../attributes/useAttributes';
import { client, store } from '../api/client';
import { VirtualList } from '../app/VirtualList';
import { useWorkbench } from '../app/workbench';
import { CommandButton } from '../commands/CommandButton';
import { useCommands } from '../commands/useCommands';
import { useChanges, useCollections, useDocumentSummary, useSliceVersion } from '../store/hooks';
import { slices } from '../store/store';
import { EXCHANGE_FILE, requestExchangeImport } from '../exchange/exchangeRequests';
import { GradeBadge, GradeFilter, ReliabilityPicker, useGradingCommands } from '../grading/grading';
import { ImportPanel } from './ImportPanel';
import { DEFAULT_FILTERS, PAGE, pageArgs, type Filters, type Sort } from './libraryQuery';
import { cancelImport, importBatch, SUPPORTED, type ImportProgress, type ImportSignal } from './importFiles';
import './library.css';
import { MetadataEditor } from './MetadataEditor';
import { formatCount } from '../app/format';

const SORTS: { id: Sort; label: string }[] = [
  { id: 'importedAt', label: 'Added' },
  { id: 'title', label: 'Title' },
  { id: 'outlet', label: 'Outlet' },
  { id: 'publishedAt', label: 'Date' },
  { id: 'tagCount', label: 'Tags' },
  { id: 'length', label: 'Length' },
];
// Module-level, so never new: the virtualizer re-measures every position (100,000 of them) when these change.
// Rows are keyed by position, which stays valid as pages of the order arrive. Every row is ROW_HEIGHT tall (library.css
// fixes it) but the selected one, which shows its actions or the details editor and is the only one measured.
const ROW_HEIGHT = 56;
const rowHeight = () => ROW_HEIGHT;
const rowKey = (i: number) => i;

// The library's first page is what a person waits for at start-up (boot.ts sent it before this code loaded). Once it
// has arrived, the list's first render shows it, with no second pass.
let startupPage: Promise<DocumentPage> | null = requestPage(DEFAULT_FILTERS, 0);
let startupPageArrived: DocumentPage | null = null;
startupPage.then(
  (page) => {
    store.putDocuments(page.rows);
    startupPageArrived = page;
  },
  () => undefined,
);

function requestPage(filters: Filters, offset: number): Promise<DocumentPage> {
  return client['documents.page'](pageArgs(filters, offset));
}

export function LibraryPanel() {
  const wb = useWorkbench();
  const [filters, setFilters] = useState<Filters>(DEFAULT_FILTERS);
  const order = useLibraryOrder(filters);
  const outlets = useOutlets();
  const collections = useCollections();
  const [editing, setEditing] = useState<number | null>(null);
  const imports = useImports();
  const [dragging, setDragging] = useState(false);
  const update = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const { openDocument } = wb;
  const selection = useSelection(order.data?.ids ?? []);
  const { toggle, extend, clear } = selection;
  const [attributesOpen, setAttributesOpen] = useState(false);
  // Ctrl/Cmd-click picks documents one by one, Shift-click a range; a plain click opens the document.
  const open = useCallback(
    (id: number, event: { ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }) => {
      if (event.ctrlKey || event.metaKey) toggle(id);
      else if (event.shiftKey) extend(id);
      else {
        clear();
        openDocument(id);
      }
    },
    [openDocument, toggle, extend, clear],
  );
  const stopEditing = useCallback(() => setEditing(null), []);
  useGradingCommands();

  useCommands([
    {
      id: 'document.delete',
      label: 'Delete the open document',
      category: 'Library',
      enabled: () => wb.documentId !== null,
      run: async () => {
        const id = wb.documentId!;
        const title = store.documents.get(id)?.title ?? 'the document';
        try {
          await wb.client['documents.delete']({ id });
          wb.openDocument(null);
          wb.setStatus(`Deleted “${title}” with its highlights and notes. Ctrl+Z brings it back.`);
        } catch (error) {
          wb.setStatus(`Could not delete: ${(error as Error).message}`, true);
        }
      },
    },
    {
      id: 'document.editDetails',
      label: 'Edit details of the open document',
      category: 'Library',
      enabled: () => wb.documentId !== null,
      run: () => setEditing(wb.documentId),
    },
    {
      id: 'library.selectAll',
      label: 'Select every document in the list',
      category: 'Library',
      run: async () => {
        const ids = await allIds(filters, order.data?.total ?? 0);
        selection.set(ids);
        wb.setStatus(`Selected ${ids.length.toLocaleString()} documents.`);
      },
    },
    {
      id: 'attributes.manage',
      label: 'Document attributes… (define, import from CSV)',
      category: 'Library',
      run: () => setAttributesOpen(true),
    },
  ]);

  return (
    <section
      className={`library${dragging ? ' dragging' : ''}`}
      aria-label="Library"
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(false);
        const dropped = [...e.dataTransfer.files];
        dropped.filter((f) => EXCHANGE_FILE.test(f.name)).forEach(requestExchangeImport);
        const documents = dropped.filter((f) => !EXCHANGE_FILE.test(f.name));
        if (documents.length) void imports.run(documents);
      }}
    >
      <div className="panel-header">
        <h2>
          Library <span className="muted">{order.data ? formatCount(order.data.total) : ''}</span>
        </h2>
        <div className="library-actions">
          <CommandButton command="import.files">Import…</CommandButton>
          <CommandButton command="import.folder" title="Import every supported file in a folder">
            Folder…
          </CommandButton>
        </div>
        {imports.inputs}
      </div>
      {imports.panel}
      <div className="library-filters">
        <select aria-label="Sort by" value={filters.sort} onChange={(e) => update({ sort: e.target.value as Sort })}>
          {SORTS.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          aria-label={filters.descending ? 'Descending' : 'Ascending'}
          onClick={() => update({ descending: !filters.descending })}
        >
          {filters.descending ? '↓' : '↑'}
        </button>
        <select aria-label="Outlet" value={filters.outlet} onChange={(e) => update({ outlet: e.target.value })}>
          <option value="">All outlets</option>
          {outlets.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
        {collections.length > 0 && (
          <select
            aria-label="Collection"
            value={filters.collectionId}
            onChange={(e) => update({ collectionId: e.target.value ? Number(e.target.value) : '' })}
          >
            <option value="">All collections</option>
            {collections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.documentCount})
              </option>
            ))}
          </select>
        )}
        <GradeFilter value={filters.grade} onChange={(grade) => update({ grade })} />
        <NewCollection />
        <AttributeFilterPicker filter={filters.attribute} onChange={(attribute) => update({ attribute })} />
        <CommandButton command="library.selectAll" title="Select every document in the list (then set an attribute)">
          Select all
        </CommandButton>
        <CommandButton command="attributes.manage" title="Define document attributes, import them from a CSV">
          Attributes…
        </CommandButton>
      </div>
      {selection.ids.size > 0 && <BulkAttributes documentIds={[...selection.ids]} onClear={clear} />}
      {attributesOpen && <AttributesDialog onClose={() => setAttributesOpen(false)} />}
      {order.error && <p className="error">Could not load the library: {order.error}</p>}
      {order.data?.total === 0 && (
        <p className="empty">
          {filters.outlet || filters.collectionId !== '' || filters.attribute || filters.grade
            ? 'No document matches these filters.'
            : 'No documents yet. Import reports or drop files here to start reading.'}
        </p>
      )}
      {order.data && order.data.total > 0 && (
        <VirtualList
          className="doc-list"
          label="Documents"
          role="list"
          count={order.data.total}
          estimateSize={rowHeight}
          itemKey={rowKey}
          overscan={8}
          onRangeChange={(first, last) => order.want(first, last)}
          measured={(i) => {
            const id = order.data!.ids[i];
            return id !== undefined && (id === wb.documentId || id === editing);
          }}
          sizesVersion={`${wb.documentId}:${editing}`}
          renderItem={(i) => {
            const id = order.data!.ids[i];
            return id === undefined ? (
              <RowPlaceholder />
            ) : (
              <LibraryRow
                id={id}
                selected={wb.documentId === id}
                checked={selection.ids.has(id)}
                editing={editing === id}
                onOpen={open}
                onEdit={setEditing}
                onDoneEditing={stopEditing}
              />
            );
          }}
        />
      )}
      {dragging && (
        <div className="drop-hint">Drop files to import them (REFI-QDA .qdpx projects and .qdc codebooks too)</div>
      )}
    </section>
  );
}

interface LibraryRowProps {
  id: number;
  selected: boolean;
  /** Picked for a bulk edit. */
  checked: boolean;
  editing: boolean;
  onOpen(id: number, event: { ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }): void;
  onEdit(id: number): void;
  onDoneEditing(): void;
}

/** Memoised: a row re-renders when its document or its selection changes, not on every workbench change. */
const LibraryRow = memo(function LibraryRow({
  id,
  selected,
  checked,
  editing,
  onOpen,
  onEdit,
  onDoneEditing,
}: LibraryRowProps) {
  const doc = useDocumentSummary(id);
  const collections = useCollections();
  if (!doc) return <RowPlaceholder />;
  return (
    <div role="listitem">
      <button
        type="button"
        className={`doc-item${selected ? ' selected' : ''}${checked ? ' checked' : ''}`}
        aria-current={selected}
        title={doc.title}
        aria-pressed={checked}
        onClick={(e) => onOpen(id, e)}
      >
        <span className="doc-title">{doc.title}</span>
        <span className="doc-meta">
          <span>{[doc.outlet, doc.publishedAt].filter(Boolean).join(' · ') || doc.sourceName || 'Outlet unknown'}</span>
          <span className="doc-length">
            <GradeBadge reliability={doc.reliability} />
            {doc.tagCount ? `${doc.tagCount} tag${doc.tagCount === 1 ? '' : 's'} · ` : ''}
            {formatLength(doc.length)}
          </span>
        </span>
      </button>
      {selected && !editing && (
        <div className="doc-row-actions">
          <ReliabilityPicker documentId={id} value={doc.reliability} />
          <button type="button" className="link-button" onClick={() => onEdit(id)}>
            Edit details
          </button>
          <CommandButton
            command="document.delete"
            className="link-button danger"
            title="Delete this document with its highlights and notes"
          >
            Delete
          </CommandButton>
        </div>
      )}
      {editing && <MetadataEditor doc={doc} collections={collections} onDone={onDoneEditing} />}
    </div>
  );
});

function RowPlaceholder() {
  return (
    <div className="doc-item placeholder" role="listitem" aria-busy="true">
      <span className="doc-title">…</span>
    </div>
  );
}

/** Every matching id in order, re-queried when filters change or documents are added or removed. */
interface LibraryOrder {
  total: number;
  /** The id at each position of the order, filled page by page as the list scrolls (undefined: not fetched yet). */
  ids: (number | undefined)[];
}

/** The order with `page` filled in, over what was known (`known`) or over nothing. */
function orderOf(page: DocumentPage, known?: (number | undefined)[]): LibraryOrder {
  const ids: (number | undefined)[] = known ? [...known] : new Array(page.total);
  ids.length = page.total;
  page.ids.forEach((id, k) => {
    ids[page.offset + k] = id;
  });
  return { total: page.total, ids };
}

/**
 * The library's order, fetched a page at a time around what is on screen: 100,000 documents cost one page of ids.
 * Re-queried when the filters change or documents are added or removed.
 */
function useLibraryOrder(filters: Filters) {
  const membership = useSliceVersion(slices.documentSet);
  // Filtered by an attribute, the list may change when values do; filtered by grade, when documents are regraded.
  const attributeVersion = useAttributeValuesVersion();
  const attributeFiltered = filters.attribute ? attributeVersion : 0;
  const regraded = useRegradedWhileFiltering(filters.grade);
  const [state, setState] = useState<{ data: LibraryOrder | null; error: string | null }>(() => ({
    data: startupPageArrived && filters === DEFAULT_FILTERS ? orderOf(startupPageArrived) : null,
    error: null,
  }));
  const shownAtMount = useRef(state.data !== null);
  const generation = useRef(0);
  // Page 0 is the effect's below; the list may ask for its range (a layout effect) before that effect has run.
  const requested = useRef(new Set([0]));
  const adopt = useCallback((page: DocumentPage, reset: boolean) => {
    store.putDocuments(page.rows);
    setState((s) => {
      return { data: orderOf(page, reset ? undefined : s.data?.ids), error: null };
    });
  }, []);
  useEffect(() => {
    const current = ++generation.current;
    requested.current = new Set([0]);
    const startup = filters === DEFAULT_FILTERS ? startupPage : null;
    startupPage = null;
    startupPageArrived = null;
    if (startup && shownAtMount.current) return;
    const pending = startup ?? requestPage(filters, 0);
    pending.then(
      (page) => {
        if (current === generation.current) adopt(page, true);
      },
      (error: Error) => {
        if (current === generation.current) setState({ data: null, error: error.message });
      },
    );
  }, [filters, membership, attributeFiltered, regraded, adopt]);
  // A deleted document leaves the list at once; the re-query above then settles the order.
  useChanges(
    useCallback((changes: ChangeSet) => {
      const gone = new Set(changes.documents?.deleted ?? []);
      if (gone.size === 0) return;
      setState((s) => {
        if (!s.data) return s;
        const ids = s.data.ids.filter((id) => id === undefined || !gone.has(id));
        return { ...s, data: { total: ids.length, ids } };
      });
    }, []),
  );
  /** Fetches the pages covering [first, last] that are not known yet. */
  const want = useCallback(
    (first: number, last: number) => {
      const current = generation.current;
      for (let page = Math.floor(first / PAGE); page <= Math.floor(last / PAGE); page++) {
        if (requested.current.has(page)) continue;
        requested.current.add(page);
        requestPage(filters, page * PAGE).then(
          (result) => {
            if (current === generation.current) adopt(result, false);
          },
          () => requested.current.delete(page),
        );
      }
    },
    [filters, adopt],
  );
  return { ...state, want };
}

/** Counts edits to documents while a grade filter is on: a regraded document may enter or leave the list. */
function useRegradedWhileFiltering(grade: string): number {
  const [version, setVersion] = useState(0);
  useChanges(
    useCallback(
      (changes: ChangeSet) => {
        if (grade && changes.documents?.upserted.length) setVersion((v) => v + 1);
      },
      [grade],
    ),
  );
  return version;
}

function useOutlets(): string[] {
  const wb = useWorkbench();
  const [outlets, setOutlets] = useState<string[]>([]);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    wb.client['documents.outlets']({}).then(setOutlets, () => undefined);
  }, [wb.client, version]);
  useChanges(
    useCallback(
      (changes: ChangeSet) => {
        if (
          changes.documents?.deleted.length ||
          changes.documents?.upserted.some((d) => d.outlet && !outlets.includes(d.outlet))
        ) {
          setVersion((v) => v + 1);
        }
      },
      [outlets],
    ),
  );
  return outlets;
}

function useImports() {
  const wb = useWorkbench();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [lastBatch, setLastBatch] = useState<File[]>([]);
  const signal = useRef<ImportSignal>({ cancelled: false });
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const run = async (files: File[], allowDuplicate = false) => {
    const wanted = files.filter((f) => SUPPORTED.test(f.name) || files.length === 1 || !f.webkitRelativePath);
    if (wanted.length === 0) return;
    signal.current = { cancelled: false };
    setLastBatch(wanted);
    const result = await importBatch(wb.client, wanted, { allowDuplicate, signal: signal.current }, setProgress);
    const imported = result.results.filter((r) => r.status === 'imported');
    wb.setStatus(`Imported ${imported.length} of ${result.total} file${result.total === 1 ? '' : 's'}.`);
    if (imported.length === 1 && result.total === 1) wb.openDocument(imported[0].document!.id);
  };
  const importDuplicates = () => {
    const names = new Set(progress?.results.filter((r) => r.status === 'duplicate').map((r) => r.fileName));
    void run(
      lastBatch.filter((f) => names.has(f.webkitRelativePath || f.name)),
      true,
    );
  };
  useCommands([
    {
      id: 'import.files',
      label: 'Import files…',
      category: 'File',
      keys: ['Mod+I'],
      run: () => fileInput.current?.click(),
    },
    { id: 'import.folder', label: 'Import a folder…', category: 'File', run: () => folderInput.current?.click() },
  ]);
  return {
    run,
    inputs: (
      <>
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          aria-label="Import files"
          accept=".txt,.text,.md,.markdown,.html,.htm,.pdf,.docx"
          onChange={(e) => {
            void run([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
        <input
          ref={folderInput}
          type="file"
          hidden
          aria-label="Import folder"
          {...{ webkitdirectory: '', directory: '' }}
          onChange={(e) => {
            void run([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
      </>
    ),
    panel: progress && (
      <ImportPanel
        progress={progress}
        onCancel={() => cancelImport(wb.client, signal.current)}
        onClose={() => setProgress(null)}
        onImportDuplicates={importDuplicates}
      />
    ),
  };
}

function NewCollection() {
  const wb = useWorkbench();
  const create = async () => {
    const name = window.prompt('Name of the new collection');
    if (!name?.trim()) return;
    try {
      await wb.client['collections.create']({ name });
    } catch (e) {
      wb.setStatus((e as Error).message, true);
    }
  };
  return (
    <button type="button" title="New collection" onClick={() => void create()}>
      + Collection
    </button>
  );
}

export function formatLength(chars: number): string {
  const words = Math.round(chars / 6);
  return words >= 1000 ? `${(words / 1000).toFixed(1)}k words` : `${words} words`;
}

/** Documents picked for a bulk edit, and the last one picked (where a Shift-click range starts). */
function useSelection(order: (number | undefined)[]) {
  const [ids, setIds] = useState<Set<number>>(new Set());
  const anchor = useRef<number | null>(null);
  const orderRef = useRef(order);
  orderRef.current = order;
  const toggle = useCallback((id: number) => {
    anchor.current = id;
    setIds((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);
  const extend = useCallback(
    (id: number) => {
      const positions = orderRef.current;
      const from = anchor.current === null ? -1 : positions.indexOf(anchor.current);
      const to = positions.indexOf(id);
      if (from < 0 || to < 0) return toggle(id);
      const range = positions.slice(Math.min(from, to), Math.max(from, to) + 1);
      setIds((s) => new Set([...s, ...range.filter((x): x is number => x !== undefined)]));
    },
    [toggle],
  );
  const clear = useCallback(() => setIds((s) => (s.size ? new Set() : s)), []);
  const set = useCallback((all: number[]) => setIds(new Set(all)), []);
  return { ids, toggle, extend, clear, set };
}

/** Every id matching the filters, a thousand at a time. */
async function allIds(filters: Filters, total: number): Promise<number[]> {
  const ids: number[] = [];
  for (let offset = 0; offset < Math.max(total, 1); offset += 1000) {
    const page = await client['documents.page']({
      sort: filters.sort,
      descending: filters.descending,
      offset,
      limit: 1000,
      ...(filters.outlet ? { outlet: filters.outlet } : {}),
      ...(filters.collectionId !== '' ? { collectionId: filters.collectionId } : {}),
      ...(filters.attribute ? { attributes: [filters.attribute] } : {}),
    });
    ids.push(...page.ids);
    if (page.ids.length < 1000) break;
  }
  return ids;
}
