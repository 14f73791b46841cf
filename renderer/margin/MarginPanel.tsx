// Beside the reader: the document's highlights in reading order, with tags and note previews.
import type { Highlight } from '../../shared/types';
import { requestCitation, setHighlightDragData } from '../app/citations';
import { useWorkbench } from '../app/workbench';
import { DocumentNote, HighlightNote } from '../notes/HighlightNote';
import { colorOf } from '../reader/paint';
import { useAnnotations, type Annotations } from '../reader/useAnnotations';
import { TagChip } from '../tags/TagPicker';
import './margin.css';

export function MarginPanel() {
  const wb = useWorkbench();
  const annotations = useAnnotations(wb.documentId);
  const placed = annotations.highlights.filter((h) => !h.orphaned);
  const orphaned = annotations.highlights.filter((h) => h.orphaned);
  return (
    <section className="margin-panel" aria-label="Highlights">
      <div className="panel-header"><h2>Highlights</h2><span className="muted">{wb.documentId ? placed.length : ''}</span></div>
      {wb.documentId && placed.length === 0 && orphaned.length === 0 && (
        <p className="empty">No highlights yet. Select a passage and press <kbd>H</kbd>.</p>
      )}
      <ol className="margin-list">
        {placed.map((h) => <MarginItem key={h.id} highlight={h} annotations={annotations} />)}
      </ol>
      {orphaned.length > 0 && (
        <>
          <div className="panel-header"><h2>Could not be placed</h2><span className="muted">{orphaned.length}</span></div>
          <p className="margin-hint">The text changed and these passages were not found again. They are kept with their tags and notes.</p>
          <ol className="margin-list orphaned">
            {orphaned.map((h) => <MarginItem key={h.id} highlight={h} annotations={annotations} />)}
          </ol>
        </>
      )}
      {wb.documentId && (
        <details className="document-note">
          <summary>Note on this document</summary>
          <DocumentNote documentId={wb.documentId} />
        </details>
      )}
    </section>
  );
}

function MarginItem({ highlight, annotations }: { highlight: Highlight; annotations: Annotations }) {
  const wb = useWorkbench();
  const selected = wb.selectedHighlightId === highlight.id;
  const note = annotations.notesByHighlight.get(highlight.id);
  const open = () => {
    if (highlight.orphaned) wb.selectHighlight(highlight.id);
    else wb.openDocument(highlight.documentId, { start: highlight.start, end: highlight.end, highlightId: highlight.id });
  };
  return (
    <li className={`margin-item${selected ? ' selected' : ''}`} style={{ borderLeftColor: colorOf(highlight, annotations.tagColors) }}
      draggable onDragStart={(e) => setHighlightDragData(e.dataTransfer, highlight.id, highlight.exact)}>
      <button type="button" className="margin-quote" onClick={open} aria-current={selected}>“{highlight.exact}”</button>
      <div className="margin-tags">
        {highlight.tagIds.map((id) => annotations.tagsById.get(id)).filter((t) => t !== undefined).map((t) => <TagChip key={t.id} tag={t} />)}
      </div>
      {note && !selected && <p className="margin-note">{note.text}</p>}
      {selected && (
        <div className="margin-detail">
          <HighlightNote highlightId={highlight.id} />
          <button type="button" className="link-button" onClick={() => requestCitation(highlight.id)}>Cite in memo</button>
        </div>
      )}
    </li>
  );
}
