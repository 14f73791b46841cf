// Two grips at the ends of the selected highlight: dragging one moves that end of the passage. While dragging, the
// passage is painted at its new bounds; on release it is saved as one undoable edit.
import { useState } from 'react';
import { offsetAtPoint, rangeForOffsets, type ParagraphIndex } from './offsets';
import type { Span } from './selection';

interface Props {
  index: ParagraphIndex;
  span: Span;
  /** The bounds while a grip is dragged (null when released without a change). */
  onPreview(span: Span | null): void;
  onAdjust(span: Span): void;
}

export function HighlightHandles({ index, span, onPreview, onAdjust }: Props) {
  const range = rangeForOffsets(index, span.start, span.end);
  const rects = range ? [...range.getClientRects()].filter((r) => r.width > 0) : [];
  if (rects.length === 0) return null;
  const first = rects[0];
  const last = rects[rects.length - 1];
  return (
    <>
      <Grip edge="start" x={first.left} top={first.top} height={first.height} {...{ span, onPreview, onAdjust }} />
      <Grip edge="end" x={last.right} top={last.top} height={last.height} {...{ span, onPreview, onAdjust }} />
    </>
  );
}

interface GripProps extends Omit<Props, 'index'> {
  edge: 'start' | 'end';
  x: number;
  top: number;
  height: number;
}

function Grip({ edge, x, top, height, span, onPreview, onAdjust }: GripProps) {
  const [dragging, setDragging] = useState(false);
  const startDrag = (event: React.PointerEvent) => {
    event.preventDefault();
    event.stopPropagation();
    setDragging(true);
    let dragged: Span | null = null;
    const onMove = (e: PointerEvent) => {
      const offset = offsetAtPoint(e.clientX, e.clientY);
      if (offset === null) return;
      const next = edge === 'start' ? { start: offset, end: span.end } : { start: span.start, end: offset };
      if (next.end <= next.start) return;
      dragged = next;
      onPreview(next);
    };
    const onUp = () => {
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      setDragging(false);
      onPreview(null);
      if (dragged && (dragged.start !== span.start || dragged.end !== span.end)) onAdjust(dragged);
    };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
  };
  return (
    <span
      // While dragged, the grip lets the pointer through to the text it is moved over.
      className={`highlight-grip ${edge}${dragging ? ' dragging' : ''}`}
      role="slider"
      aria-label={edge === 'start' ? 'Start of the passage' : 'End of the passage'}
      aria-valuenow={span[edge]}
      title="Drag to move this end of the passage (Shift+arrow keys also work)"
      style={{ left: x, top, height }}
      onPointerDown={startDrag}
      onMouseDown={(event) => event.stopPropagation()}
    />
  );
}
