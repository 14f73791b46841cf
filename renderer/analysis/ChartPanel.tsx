// Bar charts of tag frequency by document or by attribute value, drawn with Observable Plot: a small library that
// renders plain SVG (no canvas), so the chart is crisp, themeable with CSS, and exports as the SVG it already is.
import * as Plot from '@observablehq/plot';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AnalysisMatrix } from '../../shared/types';
import { useWorkbench } from '../app/workbench';
import { useTags } from '../store/hooks';
import { ColumnPicker, useMatrix, type ColumnChoice } from './MatrixPanel';
import { enqueueBlock } from '../memo/blockQueue';

/** Bars shown at most (the documents with the most passages). */
const MAX_BARS = 25;
/** Width a chart is drawn at for a memo, in CSS pixels (a memo's text column). */
const MEMO_CHART_WIDTH = 640;

interface Bar {
  label: string;
  tag: string;
  count: number;
}

export function ChartPanel() {
  const wb = useWorkbench();
  const tags = useTags();
  const [choice, setChoice] = useState<ColumnChoice>('documents');
  const [tagId, setTagId] = useState<number | 'all'>('all');
  // Each tag counts its own passages: stacked with its sub-tags, a parent's total would count them twice.
  const { matrix } = useMatrix(choice === 'tags' ? 'documents' : choice, false, null);
  const bars = useMemo(() => (matrix.data ? barsOf(matrix.data, tagId) : []), [matrix.data, tagId]);
  const holder = useRef<HTMLDivElement>(null);
  const colors = useMemo(() => new Map(tags.map((t) => [t.name, t.color])), [tags]);
  useEffect(() => {
    const node = holder.current;
    if (!node) return;
    node.replaceChildren();
    if (bars.length === 0) return;
    const chart = drawChart(bars, colors, Math.max(560, node.clientWidth || 720));
    chart.setAttribute('aria-label', 'Bar chart of tag frequency');
    node.append(chart);
  }, [bars, colors]);
  const exportAs = async (format: 'svg' | 'png') => {
    const svg = holder.current?.querySelector('svg');
    if (!svg) return;
    const name = `tag-frequency.${format}`;
    try {
      const blob = format === 'svg' ? svgBlob(svg) : await pngBlob(svg);
      download(blob, name);
      wb.setStatus(`Exported the chart to ${name}.`);
    } catch (e) {
      wb.setStatus(`Could not export the chart: ${(e as Error).message}`, true);
    }
  };
  const insertIntoMemo = async () => {
    if (bars.length === 0) return;
    // Drawn again at the width of a memo's page, so its text is as legible there as here.
    const svg = drawChart(bars, colors, MEMO_CHART_WIDTH);
    try {
      const png = await blobBase64(await pngBlob(svg));
      const names = [...new Set(bars.map((b) => b.tag))];
      const by = choice === 'documents' ? 'document' : choice.startsWith('attribute:') ? choice.slice(10) : choice;
      const caption =
        tagId === 'all'
          ? `Coded passages by ${by}, stacked by tag (${names.join(', ')}).`
          : `Passages coded “${names[0]}” by ${by}.`;
      enqueueBlock({
        type: 'chartImage',
        attrs: { png, width: svg.width.baseVal.value, height: svg.height.baseVal.value, caption },
      });
      // The memo opens (the open one, or a new one) and takes the chart from the queue.
      wb.openMemo(wb.memoId);
    } catch (e) {
      wb.setStatus(`Could not insert the chart: ${(e as Error).message}`, true);
    }
  };
  return (
    <div className="chart-panel">
      <div className="analysis-toolbar">
        <ColumnPicker value={choice} onChange={setChoice} />
        <select
          aria-label="Tag to chart"
          value={tagId}
          onChange={(e) => setTagId(e.target.value === 'all' ? 'all' : Number(e.target.value))}
        >
          <option value="all">All tags (stacked)</option>
          {tags.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        <span className="spacer" />
        <div className="segmented">
          <button type="button" disabled={!bars.length} onClick={() => void exportAs('svg')}>
            SVG
          </button>
          <button type="button" disabled={!bars.length} onClick={() => void exportAs('png')}>
            PNG
          </button>
        </div>
        <button type="button" disabled={!bars.length} onClick={() => void insertIntoMemo()}>
          Insert into memo
        </button>
      </div>
      {matrix.error && <p className="error">{matrix.error}</p>}
      {matrix.data && bars.length === 0 && <p className="empty">No coded passages to chart yet.</p>}
      {matrix.data && choice === 'documents' && matrix.data.columns.length > MAX_BARS && (
        <p className="muted">The {MAX_BARS} documents with the most passages.</p>
      )}
      {choice === 'tags' && <p className="muted">Charts count passages per document or attribute value.</p>}
      <div ref={holder} className="chart" />
      {bars.length > 0 && <ChartLegend names={[...new Set(bars.map((b) => b.tag))]} colors={colors} />}
    </div>
  );
}

function ChartLegend({ names, colors }: { names: string[]; colors: Map<string, string> }) {
  return (
    <ul className="chart-legend" aria-label="Legend">
      {names.map((n) => (
        <li key={n}>
          <span className="swatch" style={{ background: colors.get(n) }} /> {n}
        </li>
      ))}
    </ul>
  );
}

/** The bar chart as an SVG element, `width` CSS pixels wide. */
function drawChart(bars: Bar[], colors: Map<string, string>, width: number): SVGSVGElement {
  const names = [...new Set(bars.map((b) => b.tag))];
  const labels = [...new Set(bars.map((b) => b.label))];
  // No legend or caption is asked for, so Plot returns the bare SVG.
  return Plot.plot({
    width,
    height: 60 + labels.length * 26,
    marginLeft: 240,
    marginRight: 24,
    style: { fontSize: '12px', background: 'transparent' },
    // Counts are whole numbers: no ticks between them.
    x: { label: 'Passages →', grid: true, ticks: Math.min(10, maxTotal(bars)), tickFormat: 'd' },
    y: { label: null, domain: labels, tickFormat: (d: string) => (d.length > 34 ? `${d.slice(0, 33)}…` : d) },
    color: { domain: names, range: names.map((n) => colors.get(n) ?? '#888888') },
    marks: [
      Plot.barX(bars, {
        x: 'count',
        y: 'label',
        fill: 'tag',
        title: (b: Bar) => `${b.tag} · ${b.label}: ${b.count}`,
      }),
      Plot.ruleX([0]),
    ],
  }) as SVGSVGElement;
}

/** One bar segment per tag and column with passages; for documents, the columns with the most passages. */
function barsOf(matrix: AnalysisMatrix, tagId: number | 'all'): Bar[] {
  const rows = matrix.rows
    .map((t, i) => ({ tag: t, counts: matrix.counts[i] }))
    .filter((r) => tagId === 'all' || r.tag.id === tagId);
  const totals = matrix.columns.map((_, j) => rows.reduce((n, r) => n + r.counts[j], 0));
  let columns = matrix.columns.map((c, j) => ({ c, j })).filter(({ j }) => totals[j] > 0);
  if (matrix.columns[0]?.documentId !== undefined)
    columns = columns.sort((a, b) => totals[b.j] - totals[a.j]).slice(0, MAX_BARS);
  return columns.flatMap(({ c, j }) =>
    rows.filter((r) => r.counts[j] > 0).map((r) => ({ label: c.label, tag: r.tag.name, count: r.counts[j] })),
  );
}

/** The longest bar (its segments stacked). */
function maxTotal(bars: Bar[]): number {
  const totals = new Map<string, number>();
  for (const b of bars) totals.set(b.label, (totals.get(b.label) ?? 0) + b.count);
  return Math.max(1, ...totals.values());
}

function svgBlob(svg: SVGSVGElement): Blob {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.style.background = '#ffffff';
  copy.style.color = '#222222';
  return new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml' });
}

async function pngBlob(svg: SVGSVGElement): Promise<Blob> {
  const url = URL.createObjectURL(svgBlob(svg));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = svg.width.baseVal.value * scale;
    canvas.height = svg.height.baseVal.value * scale;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not draw the PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

async function blobBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
