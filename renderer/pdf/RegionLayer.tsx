// Region highlights on a page: the rectangles already drawn (outlined in their colour), and — in drawing mode —
// a rubber band the analyst drags over a figure or table. The rectangle is kept in PDF points (REFI-QDA
// PDFSelection), anchored to the text under it (or the nearest line, a figure's caption), and cropped from the
// page's canvas as a PNG so memos can show it without a PDF renderer.
import { useState } from 'react';
import type { Highlight, PdfRegion } from '../../shared/types';
import { colorOf } from '../reader/paint';
import type { MappedPage } from './PdfPageView';
import type { PageViewport } from './pdfjs';
import { offsetsOf } from './textMap';

export interface DrawnRegion {
  page: number;
  start: number;
  end: number;
  firstX: number;
  firstY: number;
  secondX: number;
  secondY: number;
  imageBase64: string | null;
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Smaller than this (CSS pixels) is a click, not a rectangle. */
const MIN_SIDE = 8;

interface Props {
  page: number;
  viewport: PageViewport;
  canvas: HTMLCanvasElement | null;
  mapped: MappedPage;
  regions: PdfRegion[];
  highlights: Highlight[];
  tagColors: Map<number, string>;
  selectedId: number | null;
  drawing: boolean;
  onSelect: (id: number) => void;
  onRegion: (region: DrawnRegion) => void;
  onCancel: () => void;
}

export function RegionLayer(props: Props) {
  const { viewport, regions, drawing } = props;
  const [band, setBand] = useState<{ x: number; y: number; box: Box } | null>(null);
  const byId = new Map(props.highlights.map((h) => [h.id, h]));
  const point = (e: React.PointerEvent) => {
    const origin = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - origin.left, y: e.clientY - origin.top };
  };
  return (
    <div className={`pdf-regions${drawing ? ' drawing' : ''}`}>
      {regions.map((r) => {
        const box = boxOf(viewport, r);
        const h = byId.get(r.highlightId);
        return (
          <button
            type="button"
            key={r.highlightId}
            className={`pdf-region${r.highlightId === props.selectedId ? ' selected' : ''}`}
            data-highlight-id={r.highlightId}
            aria-label={`Region highlight on page ${r.page}`}
            style={{ ...box, borderColor: h ? colorOf(h, props.tagColors) : undefined }}
            onClick={() => props.onSelect(r.highlightId)}
          />
        );
      })}
      {drawing && (
        <div
          className="pdf-region-canvas"
          onPointerDown={(e) => {
            e.currentTarget.setPointerCapture(e.pointerId);
            const p = point(e);
            setBand({ ...p, box: { left: p.x, top: p.y, width: 0, height: 0 } });
          }}
          onPointerMove={(e) => {
            if (!band) return;
            const p = point(e);
            setBand({ ...band, box: spanBox(band, p) });
          }}
          onPointerUp={(e) => {
            if (!band) return;
            const box = spanBox(band, point(e));
            setBand(null);
            if (box.width < MIN_SIDE || box.height < MIN_SIDE) return;
            const region = describeRegion(props, box, e.currentTarget.getBoundingClientRect());
            if (region) props.onRegion(region);
          }}
          onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}
        >
          {band && <div className="pdf-region band" style={band.box} />}
        </div>
      )}
    </div>
  );
}

function spanBox(from: { x: number; y: number }, to: { x: number; y: number }): Box {
  return {
    left: Math.min(from.x, to.x),
    top: Math.min(from.y, to.y),
    width: Math.abs(to.x - from.x),
    height: Math.abs(to.y - from.y),
  };
}

/** A stored region's rectangle on the page as drawn now (CSS pixels from the page's top left). */
function boxOf(viewport: PageViewport, r: PdfRegion): Box {
  const [x1, y1] = viewport.convertToViewportPoint(r.firstX, r.firstY);
  const [x2, y2] = viewport.convertToViewportPoint(r.secondX, r.secondY);
  return spanBox({ x: x1, y: y1 }, { x: x2, y: y2 });
}

/** The rectangle in PDF points, the text it anchors to, and its image cropped from the canvas. */
function describeRegion(props: Props, box: Box, origin: DOMRect): DrawnRegion | null {
  const [ax, ay] = props.viewport.convertToPdfPoint(box.left, box.top);
  const [bx, by] = props.viewport.convertToPdfPoint(box.left + box.width, box.top + box.height);
  const offsets = textUnder(props.mapped, box, origin);
  if (!offsets) return null;
  return {
    page: props.page,
    ...offsets,
    firstX: Math.min(ax, bx),
    firstY: Math.max(ay, by),
    secondX: Math.max(ax, bx),
    secondY: Math.min(ay, by),
    imageBase64: crop(props.canvas, box, props.viewport),
  };
}

/** Offsets of the text under the rectangle; with none under it, of the nearest line (often the caption). */
function textUnder(page: MappedPage, box: Box, origin: DOMRect): { start: number; end: number } | null {
  const rects = page.spans.map((span) => {
    const r = span.getBoundingClientRect();
    return {
      left: r.left - origin.left,
      top: r.top - origin.top,
      right: r.right - origin.left,
      bottom: r.bottom - origin.top,
    };
  });
  const whole = (k: number) => ({ map: page.maps[k], from: 0, to: page.maps[k].length });
  const inside = rects
    .map((r, k) => ({ r, k }))
    .filter(
      ({ r }) =>
        r.left < box.left + box.width && r.right > box.left && r.top < box.top + box.height && r.bottom > box.top,
    )
    .map(({ k }) => whole(k));
  const under = offsetsOf(inside);
  if (under) return under;
  const centre = box.top + box.height / 2;
  const nearest = rects
    .map((r, k) => ({ k, distance: Math.abs((r.top + r.bottom) / 2 - centre) }))
    .filter(({ k }) => page.maps[k].some((v) => v !== -1))
    .sort((a, b) => a.distance - b.distance)[0];
  return nearest ? offsetsOf([whole(nearest.k)]) : null;
}

/** The rectangle's pixels from the rendered page, as a base64 PNG (null if the canvas is not drawn). */
function crop(canvas: HTMLCanvasElement | null, box: Box, viewport: PageViewport): string | null {
  if (!canvas || !canvas.width) return null;
  const ratio = canvas.width / viewport.width;
  const out = document.createElement('canvas');
  out.width = Math.max(1, Math.round(box.width * ratio));
  out.height = Math.max(1, Math.round(box.height * ratio));
  const context = out.getContext('2d');
  if (!context) return null;
  context.drawImage(
    canvas,
    box.left * ratio,
    box.top * ratio,
    box.width * ratio,
    box.height * ratio,
    0,
    0,
    out.width,
    out.height,
  );
  return out.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}
