// Beside the reader: the document's highlights in reading order, with tags and note previews. Only the items on
// screen are mounted, so a report with 10,000 highlights scrolls like one with ten.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { pageLabel, passagePages } from '../../shared/pages';
import type { Highlight, PageStart } from '../../shared/types';
import { requestCitation, setHighlightDragData } from '../app/citations';
import { VirtualList, type VirtualListHandle } from '../app/VirtualList';
import { useWorkbench } from '../app/workbench';
import { CoderFilterNotice, CoderName } from '../coders/coders';
import { DocumentCorroboration, OtherSources, PassageReportedBy } from '../corroboration/corroboration';
import { CredibilityPicker, GradeBadge } from '../grading/grading';
import { DocumentNote, HighlightNote } from '../notes/HighlightNote';
import { RegionThumbnail } from '../pdf/RegionThumbnail';
import { useDocumentPages } from '../reader/documentPages';
import { createMemoAbout } from '../memo/memoCommands';
import { useDocumentSummary } from '../store/hooks';
import { colorOf } from '../reader/paint';
import { useAnnotations, type Annotations } from '../reader/useAnnotations';
import { TagChip } from '../tags/TagPicker';
import './margin.css';
import { formatCount } from '../app/format';

type Row = { kind: 'highlight'; highlight: Highlight } | { kind: 'orphans'; count: number };

export function MarginPanel() {
  const wb = useWorkbench();
  const annotations = useAnnotations(wb.documentId);
  const pages = useDocumentPages(wb.documentId);
  const list = useRef<VirtualListHandle>(null);
  const rows = useMemo<Row[]>(() => {
    const placed = annotations.highlights.filter((h) => !h.orphaned);
    const orphaned = annotations.highlights.filter((h) => h.orphaned);
    return [
      ...placed.map((highlight) => ({ kind: 'highlight' as const, highlight })),
      ...(orphaned.length ? [{ kind: 'orphans' as const, count: orphaned.length }] : []),
      ...orphaned.map((highlight) => ({ kind: 'highlight' as const, highlight })),
    ];
  }, [annotations.highlights]);
  // Stable while the rows are: the virtualizer re-measures 10,000 rows whenever these functions change.
  const estimateSize = useCallback((i: number) => estimateRow(rows[i]), [rows]);
  const itemKey = useCallback(
    (i: number) => {
      const r = rows[i];
      return r.kind === 'orphans' ? 'orphans' : r.highlight.id;
    },
    [rows],
  );
  const placedCount = rows.findIndex((r) => r.kind === 'orphans');
  const selectedRow = rows.findIndex((r) => r.kind === 'highlight' && r.highlight.id === wb.selectedHighlightId);
  useEffect(() => {
    if (selectedRow >= 0) list.current?.scrollToIndex(selectedRow, 'auto');
  }, [selectedRow]);

  return (
    <section className="margin-panel" aria-label="Highlights">
      <div className="panel-header">
        <h2>Highlights</h2>
        <span className="muted">
          {wb.documentId ? formatCount(placedCount === -1 ? rows.length : placedCount) : ''}
        </span>
        {wb.documentId && (
          <button
            type="button"
            className="link-button margin-memo"
            title="A memo about this document"
            onClick={() => void createMemoAbout(wb, { documentId: wb.documentId! })}
          >
            New memo about this
          </button>
        )}
      </div>
      <CoderFilterNotice />
      {!wb.documentId && <p className="empty">Open a document to see its highlights and notes here.</p>}
      {wb.documentId && annotations.loaded && rows.length === 0 && (
        <p className="empty">
          No highlights yet. Select a passage and press <kbd>H</kbd>.
        </p>
      )}
      {rows.length > 0 && (
        <VirtualList
          ref={list}
          className="margin-list"
          label="Highlights in this document"
          count={rows.length}
          estimateSize={estimateSize}
          overscan={4}
          itemKey={itemKey}
          renderItem={(i) => {
            const row = rows[i];
            return row.kind === 'orphans' ? (
              <OrphansHeader count={row.count} />
            ) : (
              <MarginItem highlight={row.highlight} annotations={annotations} pages={pages} />
            );
          }}
        />
      )}
      {wb.documentId && annotations.loaded && (
        <details className="document-corroboration-details">
          <summary>Who else reports this document's claims</summary>
          <DocumentCorroboration key={wb.documentId} documentId={wb.documentId} />
        </details>
      )}
      {wb.documentId && annotations.loaded && (
        <details className="document-note">
          <summary>Note on this document</summary>
          <DocumentNote documentId={wb.documentId} note={annotations.documentNote} />
        </details>
      )}
    </section>
  );
}

function OrphansHeader({ count }: { count: number }) {
  return (
    <div className="margin-orphans">
      <div className="panel-header">
        <h2>Could not be placed</h2>
        <span className="muted">{count}</span>
      </div>
      <p className="margin-hint">
        The text changed and these passages were not found again. They are kept with their tags and notes.
      </p>
    </div>
  );
}

function estimateRow(row: Row): number {
  if (row.kind === 'orphans') return 70;
  return row.highlight.regionPage ? 96 + REGION_ROW_IMAGE : 96;
}
/** Height reserved for a region's image (margin.css .region-thumbnail), so rows do not jump as images arrive. */
const REGION_ROW_IMAGE = 128;

function MarginItem({
  highlight,
  annotations,
  pages,
}: {
  highlight: Highlight;
  annotations: Annotations;
  pages: PageStart[] | null;
}) {
  const wb = useWorkbench();
  const onPages = highlight.orphaned ? null : passagePages(pages, highlight);
  const selected = wb.selectedHighlightId === highlight.id;
  const note = annotations.notesByHighlight.get(highlight.id);
  const doc = useDocumentSummary(highlight.documentId);
  const open = () => {
    if (highlight.orphaned) wb.selectHighlight(highlight.id);
    else
      wb.openDocument(highlight.documentId, { start: highlight.start, end: highlight.end, highlightId: highlight.id });
  };
  return (
    <div
      className={`margin-item${selected ? ' selected' : ''}${highlight.orphaned ? ' orphaned' : ''}`}
      style={{ borderLeftColor: colorOf(highlight, annotations.tagColors) }}
      draggable
      onDragStart={(e) => setHighlightDragData(e.dataTransfer, highlight.id, highlight.exact)}
    >
      {highlight.regionPage && (
        <button type="button" className="margin-region" onClick={open} title="Show this region on its page">
          <RegionThumbnail highlight={highlight} />
        </button>
      )}
      <button type="button" className="margin-quote" onClick={open} aria-current={selected}>
        “{highlight.exact}”
      </button>
      <div className="margin-tags">
        {onPages && <span className="page-label">{pageLabel(onPages.page, onPages.pageEnd)}</span>}
        {highlight.tagIds
          .map((id) => annotations.tagsById.get(id))
          .filter((t) => t !== undefined)
          .map((t) => (
            <TagChip key={t.id} tag={t} />
          ))}
        <CoderName coderId={highlight.coderId} />
        <GradeBadge reliability={doc?.reliability} credibility={highlight.credibility} />
        {!highlight.orphaned && <PassageReportedBy highlightId={highlight.id} />}
      </div>
      {note && !selected && <p className="margin-note">{note.text}</p>}
      {selected && (
        <div className="margin-detail">
          <HighlightNote highlightId={highlight.id} note={note ?? null} />
          <CredibilityPicker highlightId={highlight.id} value={highlight.credibility} />
          {!highlight.orphaned && <OtherSources key={highlight.id} highlightId={highlight.id} />}
          <button type="button" className="link-button" onClick={() => requestCitation(highlight.id)}>
            Cite in memo
          </button>
          <button
            type="button"
            className="link-button"
            onClick={() => void createMemoAbout(wb, { highlightId: highlight.id })}
          >
            New memo about this
          </button>
        </div>
      )}
    </div>
  );
}
