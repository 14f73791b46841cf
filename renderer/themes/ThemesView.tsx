// Every passage of a theme across documents, grouped by document; plus counts and a co-occurrence matrix.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { GlossClient } from '../../shared/client';
import { pageLabel } from '../../shared/pages';
import type {
  AttributeFilter,
  ChangeSet,
  DocumentHeading,
  TagMatrix,
  ThemeOutline,
  ThemePassage,
  ThemeRows,
} from '../../shared/types';
import { AttributeFilterPicker, filtersOf } from '../attributes/AttributeFilterPicker';
import { useAttributeValuesVersion } from '../attributes/useAttributes';
import { requestCitation, setHighlightDragData } from '../app/citations';
import { saveFile } from '../app/saveFile';
import { useApi } from '../app/useApi';
import { VirtualList } from '../app/VirtualList';
import { useWorkbench } from '../app/workbench';
import { useChanges, useTags, useTagsById } from '../store/hooks';
import { RegionThumbnail } from '../pdf/RegionThumbnail';
import { Codebook } from '../tags/Codebook';
import { PassageRecoder } from '../tags/PassageRecoder';
import { TagChip } from '../tags/TagPicker';
import { CoderFilterNotice, CoderName } from '../coders/coders';
import { byShownCoder, useShownCoder } from '../coders/coderView';
import { GradeBadge, GradeFilter, matchesGradeFilter } from '../grading/grading';
import './themes.css';
import { formatCount } from '../app/format';

/** Bumps when an edit could change a query over tagged passages (tags, highlights, notes). */
function useCodingVersion(): number {
  const [version, setVersion] = useState(0);
  useChanges(
    useCallback((changes: ChangeSet) => {
      if (changes.highlights || changes.tags || changes.notes || changes.documents) setVersion((v) => v + 1);
    }, []),
  );
  return version;
}

export function ThemesView() {
  const tags = useTags();
  const [selected, setSelected] = useState<number[]>([]);
  const [mode, setMode] = useState<'or' | 'and'>('or');
  const [tab, setTab] = useState<'passages' | 'matrix'>('passages');
  const [includeChildren, setIncludeChildren] = useState(true);
  const [attribute, setAttribute] = useState<AttributeFilter | null>(null);
  const [grade, setGrade] = useState('');
  const live = selected.filter((id) => tags.some((t) => t.id === id));
  const toggle = (id: number) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  return (
    <div className="themes">
      <aside className="themes-codebook">
        <Codebook tags={tags} selected={live} onToggle={toggle} />
      </aside>
      <section className="themes-main">
        <div className="themes-toolbar">
          <div className="segmented" role="tablist">
            <button
              type="button"
              role="tab"
              aria-selected={tab === 'passages'}
              className={tab === 'passages' ? 'active' : ''}
              onClick={() => setTab('passages')}
            >
              Passages
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={tab === 'matrix'}
              className={tab === 'matrix' ? 'active' : ''}
              onClick={() => setTab('matrix')}
            >
              Counts &amp; co-occurrence
            </button>
          </div>
          <AnnotationsExport />
          {tab === 'passages' && (
            <div className="segmented" aria-label="Match">
              <button
                type="button"
                className={mode === 'or' ? 'active' : ''}
                onClick={() => setMode('or')}
                title="Passages with any chosen tag"
              >
                Any (OR)
              </button>
              <button
                type="button"
                className={mode === 'and' ? 'active' : ''}
                onClick={() => setMode('and')}
                title="Passages with every chosen tag"
              >
                All (AND)
              </button>
            </div>
          )}
          {tab === 'passages' && (
            <>
              <label className="toggle" title="A parent tag also gathers the passages of the tags under it">
                <input
                  type="checkbox"
                  checked={includeChildren}
                  onChange={(e) => setIncludeChildren(e.target.checked)}
                />
                Include sub-tags
              </label>
              <AttributeFilterPicker filter={attribute} onChange={setAttribute} />
              <GradeFilter value={grade} onChange={setGrade} />
            </>
          )}
        </div>
        {tab === 'passages' ? (
          <ThemePassages
            tagIds={live}
            mode={mode}
            includeChildren={includeChildren}
            attribute={attribute}
            grade={grade}
          />
        ) : (
          <Matrix />
        )}
      </section>
    </div>
  );
}

type ThemeGroupOutline = ThemeOutline['groups'][number];
type ThemeRow = { kind: 'group'; group: ThemeGroupOutline } | { kind: 'passage'; id: number; group: ThemeGroupOutline };

function ThemePassages({
  tagIds,
  mode,
  includeChildren,
  attribute,
  grade,
}: {
  tagIds: number[];
  mode: 'and' | 'or';
  includeChildren: boolean;
  attribute: AttributeFilter | null;
  grade: string;
}) {
  const wb = useWorkbench();
  const version = useCodingVersion();
  const shownCoder = useShownCoder();
  const attributeVersion = useAttributeValuesVersion();
  const outline = useApi<ThemeOutline | null>(
    () =>
      tagIds.length
        ? wb.client['themes.outline']({ tagIds, mode, includeChildren, attributes: filtersOf(attribute) })
        : Promise.resolve(null),
    [tagIds.join(','), mode, version, includeChildren, JSON.stringify(attribute), attribute ? attributeVersion : 0],
  );
  const shown = useMemo(
    () =>
      (outline.data?.groups ?? [])
        .filter((g) => matchesGradeFilter(grade, g.reliability))
        .map((g) => ({ ...g, passages: byShownCoder(g.passages, shownCoder, (p) => p.coderId) }))
        .filter((g) => g.passages.length > 0),
    [outline.data, grade, shownCoder],
  );
  const rows = useMemo<ThemeRow[]>(
    () =>
      shown.flatMap((group) => [
        { kind: 'group' as const, group },
        ...group.passages.map((p) => ({ kind: 'passage' as const, id: p.id, group })),
      ]),
    [shown],
  );
  const themeRows = useThemeRows(wb.client, outline.data);
  const { want: wantRows } = themeRows;
  // Stable while the rows are: the virtualizer re-measures every row whenever these functions change.
  const estimateSize = useCallback((i: number) => (rows[i].kind === 'group' ? 70 : 110), [rows]);
  const itemKey = useCallback(
    (i: number) => {
      const r = rows[i];
      return r.kind === 'group' ? `g${r.group.documentId}` : r.id;
    },
    [rows],
  );
  const onRangeChange = useCallback(
    (first: number, last: number) => wantRows(rows.slice(first, last + 1)),
    [rows, wantRows],
  );
  if (tagIds.length === 0)
    return (
      <div className="empty-state">
        <h2>Choose one or more tags</h2>
        <p>Tick tags in the codebook to gather their passages from every document.</p>
      </div>
    );
  if (outline.error) return <p className="error">{outline.error}</p>;
  if (!outline.data) return <p className="muted loading">Gathering passages…</p>;
  if (shown.length === 0 && outline.data.groups.length && grade)
    return <p className="empty">No passage of these tags comes from a source with this grade.</p>;
  if (shown.length === 0)
    return (
      <>
        <CoderFilterNotice />
        <p className="empty">No passage carries {mode === 'and' ? 'all of' : 'any of'} these tags yet.</p>
      </>
    );
  const total = shown.reduce((n, g) => n + g.passages.length, 0);
  return (
    <VirtualList
      className="theme-results"
      label="Passages"
      count={rows.length}
      overscan={4}
      header={
        <>
          <CoderFilterNotice />
          <p className="muted theme-total">
            {formatCount(total)} passages in {formatCount(shown.length)} documents
          </p>
        </>
      }
      estimateSize={estimateSize}
      onRangeChange={onRangeChange}
      itemKey={itemKey}
      renderItem={(i) => {
        const row = rows[i];
        if (row.kind === 'group') {
          const d = themeRows.heading(row.group.documentId);
          if (!d) return <div className="theme-group placeholder" aria-busy="true" />;
          return (
            <div className="theme-group">
              <h3>
                {d.title} <GradeBadge reliability={row.group.reliability} />
              </h3>
              <p className="theme-source">
                {[d.outlet, d.publishedAt].filter(Boolean).join(' · ') || d.sourceName || 'Outlet unknown'}
              </p>
            </div>
          );
        }
        const passage = themeRows.passage(row.id);
        return passage ? (
          <ThemePassageRow passage={passage} reliability={row.group.reliability} />
        ) : (
          <div className="theme-passage placeholder" aria-busy="true" />
        );
      }}
    />
  );
}

function ThemePassageRow({
  passage,
  reliability,
}: {
  passage: ThemePassage;
  reliability: ThemeGroupOutline['reliability'];
}) {
  const wb = useWorkbench();
  const [recoding, setRecoding] = useState(false);
  const tagsById = useTagsById();
  const { highlight, noteText, before, after } = passage;
  return (
    <article
      className="theme-passage"
      draggable
      onDragStart={(e) => setHighlightDragData(e.dataTransfer, highlight.id, highlight.exact)}
    >
      {highlight.regionPage && <RegionThumbnail highlight={highlight} />}
      <button
        type="button"
        className="theme-quote"
        onClick={() =>
          wb.openDocument(highlight.documentId, {
            start: highlight.start,
            end: highlight.end,
            highlightId: highlight.id,
          })
        }
      >
        <span className="context">…{before.slice(-120)}</span>
        <mark>{highlight.exact}</mark>
        <span className="context">{after.slice(0, 120)}…</span>
      </button>
      {highlight.orphaned && <p className="muted">This passage could not be placed in the current text.</p>}
      <p className="theme-meta">
        {passage.page && <span className="page-label">{pageLabel(passage.page, passage.pageEnd)}</span>}
        {highlight.tagIds.map((id) => {
          const tag = tagsById.get(id);
          return tag ? <TagChip key={id} tag={tag} /> : null;
        })}
        <CoderName coderId={highlight.coderId} />
        <GradeBadge reliability={reliability} credibility={highlight.credibility} />
      </p>
      {noteText && <p className="theme-note">{noteText}</p>}
      <p className="theme-actions">
        <button type="button" className="link-button" onClick={() => requestCitation(highlight.id)}>
          Cite in memo
        </button>
        <button type="button" className="link-button" aria-expanded={recoding} onClick={() => setRecoding((r) => !r)}>
          Recode
        </button>
      </p>
      {recoding && <PassageRecoder highlight={highlight} onClose={() => setRecoding(false)} />}
    </article>
  );
}

/**
 * The theme view's rows by id: the first come with the outline; those scrolled to are read in one small request per
 * scroll stop, so 5,000 passages never mean sending 5,000 quotes and headings up front. After an edit the outline is
 * read again and the rows on screen are re-read; until they arrive the previous copies stay on screen.
 */
function useThemeRows(client: GlossClient, outline: ThemeOutline | null | undefined) {
  const [loaded, setLoaded] = useState({
    passages: new Map<number, ThemePassage>(),
    headings: new Map<number, DocumentHeading>(),
  });
  const requested = useRef({ passages: new Set<number>(), headings: new Set<number>() });
  const lastWanted = useRef<ThemeRow[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const keep = useCallback((rows: ThemeRows) => {
    setLoaded((previous) => ({
      passages: new Map([...previous.passages, ...rows.passages.map((p) => [p.highlight.id, p] as const)]),
      headings: new Map([...previous.headings, ...rows.documents.map((d) => [d.id, d] as const)]),
    }));
  }, []);
  const fetchSoon = useCallback(
    (rows: ThemeRow[]) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        const { passages, headings } = requested.current;
        const highlightIds = rows.flatMap((r) => (r.kind === 'passage' && !passages.has(r.id) ? [r.id] : []));
        const documentIds = rows.flatMap((r) =>
          r.kind === 'group' && !headings.has(r.group.documentId) ? [r.group.documentId] : [],
        );
        if (highlightIds.length + documentIds.length === 0) return;
        const batch = { highlightIds: highlightIds.slice(0, 500), documentIds: documentIds.slice(0, 500) };
        batch.highlightIds.forEach((id) => passages.add(id));
        batch.documentIds.forEach((id) => headings.add(id));
        client['themes.rows'](batch).then(keep, () => {
          batch.highlightIds.forEach((id) => passages.delete(id));
          batch.documentIds.forEach((id) => headings.delete(id));
        });
      }, 60);
    },
    [client, keep],
  );
  useEffect(() => {
    if (!outline) return;
    // Headings do not change with coding; passages might have (tags, notes), so those on screen are read again.
    requested.current.passages = new Set(outline.first.passages.map((p) => p.highlight.id));
    outline.first.documents.forEach((d) => requested.current.headings.add(d.id));
    keep(outline.first);
    fetchSoon(lastWanted.current);
  }, [outline, fetchSoon, keep]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const want = useCallback(
    (rows: ThemeRow[]) => {
      lastWanted.current = rows;
      fetchSoon(rows);
    },
    [fetchSoon],
  );
  return {
    passage: (id: number) => loaded.passages.get(id),
    heading: (id: number) => loaded.headings.get(id),
    want,
  };
}

function Matrix() {
  const wb = useWorkbench();
  const version = useCodingVersion();
  const matrix = useApi<TagMatrix>(() => wb.client['themes.matrix']({}), [version]);
  const m = matrix.data;
  if (!m) return <p className="muted loading">{matrix.error ?? 'Counting…'}</p>;
  if (m.tags.length === 0) return <p className="empty">No tags yet.</p>;
  return (
    <div className="matrix">
      <h3>Passages per tag per document</h3>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th>Tag</th>
              {m.documents.map((d, i) => (
                <th key={d.id} title={d.title}>
                  D{i + 1}
                </th>
              ))}
              <th>Total</th>
            </tr>
          </thead>
          <tbody>
            {m.tags.map((t, i) => (
              <tr key={t.id}>
                <th>
                  <span className="swatch" style={{ background: t.color }} /> {t.name}
                </th>
                {m.countsByDocument[i].map((n, j) => (
                  <td key={j} className={n ? '' : 'zero'}>
                    {n}
                  </td>
                ))}
                <td>{t.highlightCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ol className="matrix-legend">
        {m.documents.map((d, i) => (
          <li key={d.id}>
            <b>D{i + 1}</b> {d.title}
          </li>
        ))}
      </ol>
      <h3>Co-occurrence (same or overlapping passage)</h3>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th />
              {m.tags.map((t) => (
                <th key={t.id}>{t.name}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {m.tags.map((t, i) => (
              <tr key={t.id}>
                <th>{t.name}</th>
                {m.cooccurrence[i].map((n, j) => (
                  <td key={j} className={i === j ? 'diagonal' : n ? 'hot' : 'zero'}>
                    {n}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Every highlight with its tags and notes, for spreadsheets (CSV) or other annotation tools (W3C JSON). */
function AnnotationsExport() {
  const wb = useWorkbench();
  const run = async (format: 'csv' | 'w3c') => {
    try {
      const file = await wb.client['export.annotations']({ format });
      saveFile(file);
      wb.setStatus(`Exported ${file.fileName}.`);
    } catch (error) {
      wb.setStatus(`Export failed: ${(error as Error).message}`, true);
    }
  };
  return (
    <div className="segmented annotations-export" aria-label="Export all highlights">
      <button type="button" onClick={() => void run('csv')} title="All highlights with tags and notes, as CSV">
        Highlights CSV
      </button>
      <button type="button" onClick={() => void run('w3c')} title="All highlights as W3C Web Annotations (JSON-LD)">
        W3C JSON
      </button>
    </div>
  );
}
