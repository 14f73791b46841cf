// The page view of a PDF: each page drawn by pdf.js (canvas plus a selectable text layer) when it nears the
// screen. Text-layer characters are mapped to offsets of the canonical text (textMap.ts), so a selection here
// becomes an ordinary highlight, and every highlight of the document is drawn on the pages it covers.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { pageAt, pageRange } from '../../shared/pages';
import type { DocumentFull, Highlight, PdfRegion } from '../../shared/types';
import { useWorkbench } from '../app/workbench';
import { useCommands } from '../commands/useCommands';
import { useHighlightActions } from '../reader/actions';
import { SelectionToolbar } from '../reader/HighlightToolbar';
import { colorOf } from '../reader/paint';
import { useAnnotations } from '../reader/useAnnotations';
import { openPdf, renderTextLayer, type PageViewport, type PdfDocument } from './pdfjs';
import { RegionLayer, type DrawnRegion } from './RegionLayer';
import { charRuns, mapSpans, offsetsOf } from './textMap';

export interface MappedPage {
  spans: HTMLElement[];
  maps: Int32Array[];
}
type PageRegistry = Map<number, MappedPage>;

const MAX_PAGE_WIDTH = 880;

export function PdfPageView({ doc }: { doc: DocumentFull }) {
  const wb = useWorkbench();
  const [pdf, setPdf] = useState<PdfDocument | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let opened: PdfDocument | null = null;
    wb.client['documents.originalPdf']({ id: doc.id }).then(
      async (file) => {
        if (!file) {
          if (live) setProblem('The original PDF is not in this project (it was imported before Gloss kept PDFs).');
          return;
        }
        opened = await openPdf(Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0)));
        if (live) setPdf(opened);
        else void opened.destroy();
      },
      (error: Error) => live && setProblem(`Could not open the PDF: ${error.message}`),
    );
    return () => {
      live = false;
      void opened?.destroy();
    };
  }, [wb.client, doc.id]);
  if (problem) return <p className="muted pdf-problem">{problem} The text view shows its text.</p>;
  if (!pdf) return <p className="muted loading">Opening the pages…</p>;
  return <PdfPages pdf={pdf} doc={doc} />;
}

function PdfPages({ pdf, doc }: { pdf: PdfDocument; doc: DocumentFull }) {
  const wb = useWorkbench();
  const annotations = useAnnotations(doc.id);
  const actions = useHighlightActions();
  const scroller = useRef<HTMLDivElement>(null);
  const registry = useRef<PageRegistry>(new Map());
  const [pending, setPending] = useState<{ start: number; end: number; rect: DOMRect } | null>(null);
  const [base, setBase] = useState<{ width: number; height: number } | null>(null);
  const [drawing, setDrawing] = useState(false);
  const regions = useRegions(doc.id, annotations.highlights);
  const createRegion = useCallback(
    async (region: DrawnRegion) => {
      try {
        const created = await wb.client['regions.create']({ documentId: doc.id, ...region });
        wb.selectHighlight(created.id);
        wb.setStatus(`Region highlighted on page ${region.page}. Tag it in the margin.`);
      } catch (error) {
        wb.setStatus(`Could not save the region: ${(error as Error).message}`, true);
      }
      setDrawing(false);
    },
    [wb, doc.id],
  );
  useEffect(() => {
    void pdf.getPage(1).then((page) => {
      const v = page.getViewport({ scale: 1 });
      setBase({ width: v.width, height: v.height });
    });
  }, [pdf]);
  const scale = base ? Math.min(MAX_PAGE_WIDTH, (scroller.current?.clientWidth ?? 900) - 48) / base.width : 1;

  const create = useCallback(async () => {
    if (!pending) return;
    await actions.create(doc.id, pending.start, pending.end);
    window.getSelection()?.removeAllRanges();
    setPending(null);
  }, [pending, actions, doc.id]);
  useCommands([
    {
      id: 'highlight.create',
      label: 'Highlight the selected text',
      category: 'Reader',
      keys: ['H'],
      enabled: () => pending !== null,
      run: create,
    },
  ]);
  useCommands([
    {
      id: 'pdf.drawRegion',
      label: 'Draw a region highlight on the page (a figure, a table)',
      category: 'Reader',
      keys: ['R'],
      run: () => setDrawing((d) => !d),
    },
    {
      id: 'pdf.cancelRegion',
      label: 'Stop drawing a region',
      category: 'Reader',
      keys: ['Escape'],
      hidden: true,
      enabled: () => drawing,
      run: () => setDrawing(false),
    },
  ]);
  useJumpToPage(doc, scroller);

  const onMouseUp = () => {
    const offsets = selectionOffsets(registry.current, window.getSelection());
    setPending(offsets ? { ...offsets, rect: window.getSelection()!.getRangeAt(0).getBoundingClientRect() } : null);
  };
  const pages = useMemo(() => Array.from({ length: pdf.numPages }, (_, i) => i + 1), [pdf]);
  return (
    <div className={`pdf-scroll${drawing ? ' drawing' : ''}`} ref={scroller} onMouseUp={onMouseUp}>
      <div className="pdf-tools">
        <button
          type="button"
          aria-pressed={drawing}
          onClick={() => setDrawing((d) => !d)}
          title="Drag a rectangle over a figure or table (R)"
        >
          {drawing ? 'Drag over the figure or table… (Esc cancels)' : 'Region highlight'} <kbd>R</kbd>
        </button>
      </div>
      {base &&
        pages.map((n) => (
          <PdfPageSlot
            key={n}
            pdf={pdf}
            n={n}
            doc={doc}
            scale={scale}
            placeholder={base}
            registry={registry.current}
            highlights={annotations.highlights}
            tagColors={annotations.tagColors}
            selectedId={wb.selectedHighlightId}
            onSelect={(id) => wb.selectHighlight(id)}
            regions={regions.filter((r) => r.page === n)}
            drawing={drawing}
            onRegion={createRegion}
            onCancelRegion={() => setDrawing(false)}
          />
        ))}
      {pending && (
        <SelectionToolbar
          rect={pending.rect}
          onHighlight={() => void create()}
          onTag={() => void create().then(() => wb.setStatus('Highlighted. Tag it in the margin.'))}
        />
      )}
    </div>
  );
}

interface SlotProps {
  pdf: PdfDocument;
  n: number;
  doc: DocumentFull;
  scale: number;
  placeholder: { width: number; height: number };
  registry: PageRegistry;
  highlights: Highlight[];
  tagColors: Map<number, string>;
  selectedId: number | null;
  onSelect: (id: number) => void;
  regions: PdfRegion[];
  drawing: boolean;
  onRegion: (region: DrawnRegion) => void;
  onCancelRegion: () => void;
}

function PdfPageSlot(props: SlotProps) {
  const { pdf, n, doc, scale, placeholder, registry, highlights, tagColors, selectedId, onSelect } = props;
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const textLayer = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  const [size, setSize] = useState(placeholder);
  const [mapped, setMapped] = useState<MappedPage | null>(null);
  const [viewport, setViewport] = useState<PageViewport | null>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), {
      rootMargin: '800px 0px',
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    if (!near) return;
    let live = true;
    void (async () => {
      const page = await pdf.getPage(n);
      const viewport = page.getViewport({ scale });
      if (!live || !canvas.current || !textLayer.current) return;
      setSize({ width: viewport.width / scale, height: viewport.height / scale });
      setViewport(viewport);
      const ratio = window.devicePixelRatio || 1;
      canvas.current.width = Math.floor(viewport.width * ratio);
      canvas.current.height = Math.floor(viewport.height * ratio);
      await page.render({
        canvas: canvas.current,
        viewport,
        transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined,
      }).promise;
      textLayer.current.replaceChildren();
      const { spans, texts } = await renderTextLayer(page, textLayer.current, viewport);
      const range = pageRange(doc.pages, n, doc.text.length);
      const maps = range
        ? mapSpans(doc.text, range.start, range.end, texts)
        : texts.map((t) => new Int32Array(t.length).fill(-1));
      if (!live) return;
      const result = { spans, maps };
      registry.set(n, result);
      setMapped(result);
    })();
    return () => {
      live = false;
      registry.delete(n);
    };
  }, [near, pdf, n, scale, doc, registry]);

  const range = pageRange(doc.pages, n, doc.text.length);
  // A region is drawn as its rectangle, not as the text that anchors it.
  const regionIds = new Set(props.regions.map((r) => r.highlightId));
  const onPage = range
    ? highlights.filter((h) => !h.orphaned && !regionIds.has(h.id) && h.start < range.end && h.end > range.start)
    : [];
  return (
    <div
      ref={box}
      className="pdf-page"
      data-page={n}
      style={{ width: size.width * scale, height: size.height * scale, ['--total-scale-factor' as string]: scale }}
    >
      <canvas ref={canvas} style={{ width: size.width * scale, height: size.height * scale }} />
      <div className="pdf-marks" aria-hidden="true">
        {mapped &&
          box.current &&
          onPage.map((h) =>
            markRects(mapped, h, box.current!).map((r, i) => (
              <div
                key={`${h.id}:${i}`}
                className={`pdf-mark${h.id === selectedId ? ' selected' : ''}`}
                data-highlight-id={h.id}
                style={{
                  left: r.left,
                  top: r.top,
                  width: r.width,
                  height: r.height,
                  background: colorOf(h, tagColors),
                }}
              />
            )),
          )}
      </div>
      <div
        ref={textLayer}
        className="textLayer"
        onClick={(e) => {
          const hit = highlightUnder(onPage, mapped, e.clientX, e.clientY, box.current);
          if (hit && window.getSelection()?.isCollapsed) onSelect(hit.id);
        }}
      />
      {viewport && mapped && (
        <RegionLayer
          page={n}
          viewport={viewport}
          canvas={canvas.current}
          mapped={mapped}
          regions={props.regions}
          highlights={highlights}
          tagColors={tagColors}
          selectedId={selectedId}
          drawing={props.drawing}
          onSelect={onSelect}
          onRegion={props.onRegion}
          onCancel={props.onCancelRegion}
        />
      )}
      <span className="pdf-page-number">{n}</span>
    </div>
  );
}

/** The rectangles, relative to the page, of a highlight's characters on this page. */
function markRects(page: MappedPage, h: Highlight, box: HTMLElement): DOMRect[] {
  const origin = box.getBoundingClientRect();
  const rects: DOMRect[] = [];
  page.spans.forEach((span, k) => {
    const node = span.firstChild;
    if (!node || node.nodeType !== Node.TEXT_NODE) return;
    for (const [from, to] of charRuns(page.maps[k], h.start, h.end)) {
      const range = document.createRange();
      range.setStart(node, Math.min(from, node.textContent!.length));
      range.setEnd(node, Math.min(to, node.textContent!.length));
      for (const r of range.getClientRects()) {
        rects.push(new DOMRect(r.left - origin.left, r.top - origin.top, r.width, r.height));
      }
    }
  });
  return rects;
}

function highlightUnder(
  onPage: Highlight[],
  page: MappedPage | null,
  x: number,
  y: number,
  box: HTMLElement | null,
): Highlight | undefined {
  if (!page || !box) return undefined;
  const origin = box.getBoundingClientRect();
  return onPage.find((h) =>
    markRects(page, h, box).some(
      (r) =>
        x - origin.left >= r.left &&
        x - origin.left <= r.right &&
        y - origin.top >= r.top &&
        y - origin.top <= r.bottom,
    ),
  );
}

/** The canonical offsets a text-layer selection covers (across pages too), or null if it covers no mapped text. */
function selectionOffsets(registry: PageRegistry, selection: Selection | null): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const parts: { map: Int32Array; from: number; to: number }[] = [];
  for (const page of registry.values()) {
    page.spans.forEach((span, k) => {
      if (!range.intersectsNode(span)) return;
      const length = span.textContent?.length ?? 0;
      const from = span.contains(range.startContainer) ? range.startOffset : 0;
      const to = span.contains(range.endContainer) ? range.endOffset : length;
      parts.push({ map: page.maps[k], from, to });
    });
  }
  return offsetsOf(parts);
}

/** Scrolls to the page of a passage asked for by the margin, a theme, search or a memo citation. */
function useJumpToPage(doc: DocumentFull, scroller: React.RefObject<HTMLDivElement | null>): void {
  const wb = useWorkbench();
  const handled = useRef<number | null>(null);
  useEffect(() => {
    const focus = wb.focus;
    if (!focus || handled.current === focus.nonce || wb.documentId !== doc.id) return;
    handled.current = focus.nonce;
    const page = pageAt(doc.pages, focus.start);
    scroller.current?.querySelector(`[data-page="${page}"]`)?.scrollIntoView({ block: 'start' });
  }, [wb.focus, wb.documentId, doc, scroller]);
}

/** The document's region highlights, fetched again whenever its highlights change (a region is one of them). */
function useRegions(documentId: number, highlights: Highlight[]): PdfRegion[] {
  const wb = useWorkbench();
  const [regions, setRegions] = useState<PdfRegion[]>([]);
  useEffect(() => {
    let live = true;
    wb.client['regions.list']({ documentId }).then(
      (list) => live && setRegions(list),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [wb.client, documentId, highlights]);
  return regions;
}
