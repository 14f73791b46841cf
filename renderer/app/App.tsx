import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { ChangeSet } from '../../shared/types';
import { onMenuCommand, store, transportName } from '../api/client';
import { requestAgreementTab } from '../agreement/tab';
import { useCoderCommands } from '../coders/coders';
import { CommandButton } from '../commands/CommandButton';
import { CommandPalette } from '../commands/CommandPalette';
import { ClaimsView } from '../corroboration/ClaimsView';
import { ExchangeCommands } from '../exchange/ExchangeCommands';
import { commands, formatKey } from '../commands/registry';
import { useCommands } from '../commands/useCommands';
import { LibraryPanel } from '../library/LibraryPanel';
import { enqueueCitation } from '../memo/citeQueue';
import { useMemoSubjectCommands } from '../memo/memoCommands';
import { MarginPanel } from '../margin/MarginPanel';
import { ReaderPane } from '../reader/ReaderPane';
import { SearchBox } from '../search/SearchBox';
import { SearchView } from '../search/SearchView';
import { useChanges } from '../store/hooks';
import { ThemesView } from '../themes/ThemesView';
import { onCitationRequest } from './citations';
import { ProjectMenu } from './ProjectMenu';
import { StatusBar } from './StatusBar';
import { ThemeToggle } from './ThemeToggle';
import { useWorkbench, type View, type Workbench } from './workbench';

// The memo composer (tiptap) is the largest part of the bundle: load it when first shown.
const MemoView = lazy(() => import('../memo/MemoView').then((m) => ({ default: m.MemoView })));
// Likewise the analysis and agreement views, which no first screen shows.
const AgreementView = lazy(() => import('../agreement/AgreementView').then((m) => ({ default: m.AgreementView })));
const AnalysisView = lazy(() => import('../analysis/AnalysisView').then((m) => ({ default: m.AnalysisView })));
// And the overview of every memo.
const MemoIndexView = lazy(() => import('../memo/MemoIndexView').then((m) => ({ default: m.MemoIndexView })));
// Entities and the timeline: loaded, and their documents read, only when first opened.
const EntitiesView = lazy(() => import('../entities/EntitiesView').then((m) => ({ default: m.EntitiesView })));
const TeamPanel = lazy(() => import('../team/TeamPanel').then((m) => ({ default: m.TeamPanel })));
const TimelineView = lazy(() => import('../timeline/TimelineView').then((m) => ({ default: m.TimelineView })));

const VIEWS: { id: View; label: string; key: string }[] = [
  { id: 'reader', label: 'Reader', key: 'Mod+1' },
  { id: 'themes', label: 'Themes', key: 'Mod+2' },
  { id: 'memos', label: 'Memos', key: 'Mod+3' },
  { id: 'analysis', label: 'Analysis', key: 'Mod+4' },
  { id: 'claims', label: 'Claims', key: 'Mod+5' },
  { id: 'memoIndex', label: 'Memo index', key: 'Mod+6' },
  { id: 'entities', label: 'Entities', key: 'Mod+7' },
  { id: 'timeline', label: 'Timeline', key: 'Mod+8' },
  { id: 'agreement', label: 'Agreement', key: 'Mod+9' },
];

export function App() {
  const wb = useWorkbench();
  const [palette, setPalette] = useState<string | null>(null);
  useAppCommands(wb, setPalette);
  useCoderCommands(wb);
  useMemoSubjectCommands(wb);
  useCloseDeletedDocument(wb);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      commands.handleKey(event);
    };
    window.addEventListener('keydown', onKey);
    const offMenu = onMenuCommand((id) => {
      commands.run(id);
    });
    const offCite = onCitationRequest((highlightId) => {
      wb.setView('memos');
      enqueueCitation(highlightId);
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      offMenu();
      offCite();
    };
  }, [wb]);

  return (
    <div className={`app${wb.view === 'reader' ? ' with-margin' : ''}`}>
      <header className="topbar">
        <div className="brand" aria-label="Gloss">
          Gloss
        </div>
        {transportName() === 'http' && <ProjectMenu />}
        <nav className="view-tabs" aria-label="Views">
          {VIEWS.map((v) => (
            <button
              key={v.id}
              type="button"
              className={wb.view === v.id ? 'active' : ''}
              aria-pressed={wb.view === v.id}
              title={`${v.label} (${formatKey(v.key)})`}
              onClick={() => commands.run(`view.${v.id}`)}
            >
              {v.label}
            </button>
          ))}
        </nav>
        <SearchBox />
        <CommandButton command="palette.open" className="palette-button">
          Commands <kbd>{formatKey('Mod+K')}</kbd>
        </CommandButton>
        <ThemeToggle />
      </header>
      <aside className="sidebar">
        <LibraryPanel />
      </aside>
      <main className="main-pane">
        {wb.view === 'reader' && <ReaderPane />}
        {wb.view === 'themes' && <ThemesView />}
        {wb.view === 'memos' && (
          <Suspense fallback={<p className="muted loading">Opening memos…</p>}>
            <MemoView />
          </Suspense>
        )}
        {wb.view === 'search' && <SearchView />}
        {wb.view === 'analysis' && (
          <Suspense fallback={<p className="muted loading">Opening the analysis…</p>}>
            <AnalysisView />
          </Suspense>
        )}
        {wb.view === 'claims' && <ClaimsView />}
        {wb.view === 'memoIndex' && (
          <Suspense fallback={<p className="muted loading">Opening the memos…</p>}>
            <MemoIndexView />
          </Suspense>
        )}
        {wb.view === 'entities' && (
          <Suspense fallback={<p className="muted loading">Opening the entities…</p>}>
            <EntitiesView />
          </Suspense>
        )}
        {wb.view === 'timeline' && (
          <Suspense fallback={<p className="muted loading">Opening the timeline…</p>}>
            <TimelineView />
          </Suspense>
        )}
        {wb.view === 'agreement' && (
          <Suspense fallback={<p className="muted loading">Opening agreement…</p>}>
            <AgreementView />
          </Suspense>
        )}
        {wb.view === 'team' && (
          <Suspense fallback={<p className="muted loading">Opening the Team panel…</p>}>
            <TeamPanel />
          </Suspense>
        )}
      </main>
      {wb.view === 'reader' && (
        <aside className="margin">
          <MarginPanel />
        </aside>
      )}
      <StatusBar />
      <ExchangeCommands />
      {palette !== null && <CommandPalette initialQuery={palette} onClose={() => setPalette(null)} />}
    </div>
  );
}

/** The open document was deleted (or its import undone): show the empty reader, not a ghost. */
function useCloseDeletedDocument(wb: Workbench): void {
  const { documentId, openDocument } = wb;
  useChanges(
    useCallback(
      (changes: ChangeSet) => {
        if (documentId !== null && changes.documents?.deleted.includes(documentId)) openDocument(null);
      },
      [documentId, openDocument],
    ),
  );
}

function useAppCommands(wb: Workbench, openPalette: (query: string) => void): void {
  const history = async (direction: 'undo' | 'redo') => {
    try {
      const step = await wb.client[`history.${direction}`]({});
      if (!step.entry) wb.setStatus(`Nothing to ${direction}.`);
      else wb.setStatus(`${direction === 'undo' ? 'Undid' : 'Redid'}: ${step.entry.label}`);
    } catch (error) {
      wb.setStatus(`Could not ${direction}: ${(error as Error).message}`, true);
    }
  };
  useCommands([
    {
      id: 'palette.open',
      label: 'Show all commands',
      category: 'Help',
      keys: ['Mod+K', 'Mod+Shift+P'],
      inTextFields: true,
      run: () => openPalette(''),
    },
    { id: 'history.undo', label: 'Undo', category: 'Edit', keys: ['Mod+Z'], run: () => history('undo') },
    { id: 'history.redo', label: 'Redo', category: 'Edit', keys: ['Mod+Shift+Z', 'Mod+Y'], run: () => history('redo') },
    ...VIEWS.map((v) => ({
      id: `view.${v.id}`,
      label: `Show ${v.label}`,
      category: 'View',
      keys: [v.key],
      run: () => wb.setView(v.id),
    })),
    {
      id: 'memo.export',
      label: 'Export memo…',
      category: 'Memo',
      keys: ['Mod+E'],
      run: () => {
        wb.setView('memos');
        openPalette('export memo as');
      },
    },
    {
      id: 'agreement.queue',
      label: 'Show disagreements between coders',
      category: 'Agreement',
      keys: ['Mod+Shift+9'],
      run: () => {
        requestAgreementTab('queue');
        wb.setView('agreement');
      },
    },
    {
      id: 'team.open',
      label: 'Open the Team panel (publish, join, sync)',
      category: 'Team',
      run: () => wb.setView('team'),
    },
    { id: 'project.reload', label: 'Reload project data', category: 'File', run: () => store.reset() },
  ]);
}
