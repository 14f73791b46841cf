// The timeline: every dated sentence of the corpus on a zoomable time axis, one row per source (Observable Plot);
// a dot lists its passages beside the chart, each opening in the reader, and the analyst corrects a date there.
// Dates the reader could not resolve (a relative date in a document without a publication date) stay in a list.
import * as Plot from '@observablehq/plot';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ChangeSet, Claim, ClaimsReport, TimelineEvent, TimelineReport } from '../../shared/types';
import { useApi } from '../app/useApi';
import { useWorkbench } from '../app/workbench';
import { useCommands } from '../commands/useCommands';
import { ProgressLine, useReadingPoll } from '../entities/progress';
import { useChanges } from '../store/hooks';
import '../entities/entities.css';

const DAY_MS = 86_400_000;

type Domain = [number, number];

const time = (day: string) => Date.parse(`${day}T00:00:00Z`);
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function TimelineView() {
  const wb = useWorkbench();
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  useChanges(
    useCallback(
      (changes: ChangeSet) => {
        if (changes.timeline || changes.documents?.upserted.length || changes.documents?.deleted.length) refresh();
      },
      [refresh],
    ),
  );
  const report = useApi<TimelineReport>(() => wb.client['timeline.events']({}), [version]);
  useReadingPoll(report.data?.progress, refresh);
  const events = useMemo(() => report.data?.events ?? [], [report.data]);
  const dated = useMemo(() => events.filter((e) => e.day !== null), [events]);
  const undated = useMemo(() => events.filter((e) => e.day === null), [events]);
  const extent = useMemo(() => extentOf(dated), [dated]);
  const [domain, setDomain] = useState<Domain | null>(null);
  const [selectedDay, setSelectedDay] = useState<string | null>(null);
  const shown = domain ?? extent;
  const zoom = (factor: number, around?: number) => {
    if (!shown) return;
    const [a, b] = shown;
    const centre = around ?? (a + b) / 2;
    const span = Math.max(2 * DAY_MS, (b - a) * factor);
    const ratio = (centre - a) / (b - a || 1);
    setDomain([centre - span * ratio, centre + span * (1 - ratio)]);
  };
  useCommands([
    { id: 'timeline.zoomIn', label: 'Zoom the timeline in', category: 'Timeline', keys: ['='], run: () => zoom(0.5) },
    { id: 'timeline.zoomOut', label: 'Zoom the timeline out', category: 'Timeline', keys: ['-'], run: () => zoom(2) },
    { id: 'timeline.fit', label: 'Fit the timeline to every date', category: 'Timeline', run: () => setDomain(null) },
  ]);
  const visible = useMemo(
    () =>
      shown
        ? dated.filter((e) => {
            const t = time(e.day!);
            return t >= shown[0] && t <= shown[1];
          })
        : [],
    [dated, shown],
  );
  const listed = selectedDay ? dated.filter((e) => e.day === selectedDay) : visible;
  return (
    <div className="timeline">
      <div className="claims-toolbar">
        <h2>Timeline</h2>
        <span className="muted">
          {dated.length} dated · {undated.length} undated
        </span>
        <ProgressLine progress={report.data?.progress} />
      </div>
      {report.error && <p className="error">{report.error}</p>}
      <div className="timeline-body">
        <div className="timeline-chart-pane">
          <div className="timeline-controls">
            <button type="button" onClick={() => zoom(0.5)} disabled={!shown}>
              Zoom in
            </button>
            <button type="button" onClick={() => zoom(2)} disabled={!shown}>
              Zoom out
            </button>
            <button type="button" onClick={() => setDomain(null)} disabled={!domain}>
              Fit
            </button>
            {shown && (
              <span className="muted">
                {dayOf(shown[0])} – {dayOf(shown[1])}
              </span>
            )}
            {selectedDay && (
              <button type="button" className="link-button" onClick={() => setSelectedDay(null)}>
                Show every date in view
              </button>
            )}
          </div>
          {shown ? (
            <TimelineChart
              events={visible}
              domain={shown}
              selectedDay={selectedDay}
              onPick={setSelectedDay}
              onZoom={zoom}
            />
          ) : (
            report.data && <p className="empty">No dated event yet.</p>
          )}
        </div>
        <aside className="timeline-side" aria-label="Events">
          <h3>{selectedDay ? `Events of ${selectedDay}` : 'Events in view'}</h3>
          {listed.map((e) => (
            <EventItem key={e.id} event={e} />
          ))}
          <h3>Undated</h3>
          {undated.length === 0 && <p className="muted">Every date found is placed on the timeline.</p>}
          {undated.length > 0 && (
            <p className="muted">Relative dates in documents without a publication date: set one, or date them here.</p>
          )}
          {undated.map((e) => (
            <EventItem key={e.id} event={e} />
          ))}
          <UndatedClaims dated={dated} />
        </aside>
      </div>
    </div>
  );
}

function extentOf(events: TimelineEvent[]): Domain | null {
  if (events.length === 0) return null;
  const times = events.map((e) => time(e.day!));
  const min = Math.min(...times);
  const max = Math.max(...times);
  const pad = Math.max(3 * DAY_MS, (max - min) * 0.05);
  return [min - pad, max + pad];
}

interface ChartProps {
  events: TimelineEvent[];
  domain: Domain;
  selectedDay: string | null;
  onPick(day: string | null): void;
  onZoom(factor: number, around: number): void;
}

function TimelineChart({ events, domain, selectedDay, onPick, onZoom }: ChartProps) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = holder.current;
    if (!node) return;
    node.replaceChildren();
    const sources = [...new Set(events.map((e) => e.source))].sort();
    const points = countByDay(events);
    const chart = Plot.plot({
      width: Math.max(420, node.clientWidth || 640),
      height: 70 + Math.max(1, sources.length) * 34,
      marginLeft: 200,
      marginRight: 20,
      style: { fontSize: '12px', background: 'transparent' },
      x: { type: 'utc', domain: [new Date(domain[0]), new Date(domain[1])], label: null, grid: true },
      y: {
        label: null,
        domain: sources.length ? sources : [''],
        tickFormat: (d: string) => (d.length > 28 ? `${d.slice(0, 27)}…` : d),
      },
      r: { range: [4, 12] },
      marks: [
        Plot.dot(points, {
          x: (p: Point) => new Date(time(p.day)),
          y: 'source',
          r: 'count',
          fill: (p: Point) => (p.day === selectedDay ? 'var(--danger)' : 'var(--accent)'),
          fillOpacity: 0.75,
          stroke: 'var(--bg-pane)',
          title: (p: Point) => `${p.day} · ${p.source}: ${p.count} event${p.count === 1 ? '' : 's'}\n${p.first}`,
        }),
      ],
    });
    chart.setAttribute('aria-label', 'Timeline of dated events');
    const x = chart.scale('x') as { invert?: (px: number) => Date; apply?: (d: Date) => number } | undefined;
    const nearestDay = (event: MouseEvent): { day: string; distance: number } | undefined => {
      if (!x?.apply) return undefined;
      const px = event.clientX - chart.getBoundingClientRect().left;
      let best: { day: string; distance: number } | undefined;
      for (const p of points) {
        const distance = Math.abs(x.apply(new Date(time(p.day))) - px);
        if (!best || distance < best.distance) best = { day: p.day, distance };
      }
      return best;
    };
    chart.addEventListener('click', (event) => {
      const near = nearestDay(event as MouseEvent);
      onPick(near && near.distance < 14 ? near.day : null);
    });
    chart.addEventListener(
      'wheel',
      (e) => {
        const event = e as WheelEvent;
        if (!x?.invert) return;
        event.preventDefault();
        const px = event.clientX - chart.getBoundingClientRect().left;
        onZoom(event.deltaY < 0 ? 0.8 : 1.25, x.invert(px).getTime());
      },
      { passive: false },
    );
    node.append(chart);
  }, [events, domain, selectedDay, onPick, onZoom]);
  return <div ref={holder} className="timeline-chart" />;
}

interface Point {
  day: string;
  source: string;
  count: number;
  first: string;
}

function countByDay(events: TimelineEvent[]): Point[] {
  const points = new Map<string, Point>();
  for (const e of events) {
    const key = `${e.day}|${e.source}`;
    const point = points.get(key);
    if (point) point.count++;
    else points.set(key, { day: e.day!, source: e.source, count: 1, first: e.text.slice(0, 140) });
  }
  return [...points.values()];
}

function EventItem({ event }: { event: TimelineEvent }) {
  const wb = useWorkbench();
  const [day, setDay] = useState(event.day ?? '');
  useEffect(() => setDay(event.day ?? ''), [event.day]);
  const at = event.text.indexOf(event.dateText);
  const save = async () => {
    try {
      await wb.client['timeline.setDate']({ eventId: event.id, day: day || null });
      wb.setStatus(day ? `Dated “${event.dateText}” ${day}.` : `Cleared the date of “${event.dateText}”.`);
    } catch (e) {
      wb.setStatus(`Could not change the date: ${(e as Error).message}`, true);
    }
  };
  return (
    <div className="timeline-event" data-event-id={event.id}>
      <div className="date-line">
        <strong>{event.day ? labelOf(event) : 'undated'}</strong>
        {event.corrected && <span title="Corrected by hand">· corrected</span>}
        {event.relative && !event.corrected && <span title="Resolved from the publication date">· relative</span>}
        <input
          type="date"
          aria-label={`Date of “${event.dateText}”`}
          value={day}
          onChange={(e) => setDay(e.target.value)}
        />
        {day !== (event.day ?? '') && (
          <button type="button" onClick={save}>
            Save date
          </button>
        )}
      </div>
      <button
        type="button"
        className="link-button entity-mention"
        title={`Open in ${event.source}`}
        onClick={() => wb.openDocument(event.documentId, { start: event.start, end: event.end })}
      >
        <span className="claim-sentence-source">{event.source}</span>{' '}
        {at >= 0 ? (
          <>
            {event.text.slice(0, at)}
            <mark>{event.dateText}</mark>
            {event.text.slice(at + event.dateText.length)}
          </>
        ) : (
          event.text
        )}
      </button>
    </div>
  );
}

/** The corpus's claims (clustered as in the Claims view) none of whose sentences carries a date: read on opening. */
function UndatedClaims({ dated }: { dated: TimelineEvent[] }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="undated-claims" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>Claims without a date</summary>
      {open && <UndatedClaimList dated={dated} />}
    </details>
  );
}

function UndatedClaimList({ dated }: { dated: TimelineEvent[] }) {
  const wb = useWorkbench();
  const report = useApi<ClaimsReport>(() => wb.client['corroboration.claims']({}), []);
  const claims = useMemo(() => {
    const datedAt = new Set(dated.map((e) => `${e.documentId}:${e.start}`));
    const isDated = (c: Claim) => c.sentences.some((s) => datedAt.has(`${s.documentId}:${s.start}`));
    return (report.data?.claims ?? []).filter((c) => !isDated(c));
  }, [report.data, dated]);
  if (report.error) return <p className="error">{report.error}</p>;
  if (!report.data) return <p className="muted">Clustering the claims…</p>;
  return (
    <ul className="entity-mentions">
      {claims.map((c) => (
        <li key={`${c.sentences[0].documentId}:${c.sentences[0].start}`}>
          <button
            type="button"
            className="link-button entity-mention"
            onClick={() => wb.openDocument(c.sentences[0].documentId, c.sentences[0])}
          >
            <span className="claim-sentence-source">
              {c.sources.length === 1 ? c.sources[0].source : `${c.sources.length} sources`}
            </span>{' '}
            {c.text}
          </button>
        </li>
      ))}
    </ul>
  );
}

function labelOf(event: TimelineEvent): string {
  if (event.precision === 'week') return `week of ${event.day}`;
  if (event.precision === 'month') return event.day!.slice(0, 7);
  if (event.precision === 'year') return event.day!.slice(0, 4);
  return event.day!;
}
