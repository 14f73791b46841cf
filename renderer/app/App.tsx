import { useEffect } from 'react';
import { onMenuCommand, transportName } from '../api/client';
import { enqueueCitation } from '../memo/citeQueue';
import { onCitationRequest } from './citations';
import { LibraryPanel } from '../library/LibraryPanel';
import { MarginPanel } from '../margin/MarginPanel';
import { MemoView } from '../memo/MemoView';
import { ReaderPane } from '../reader/ReaderPane';
import { SearchBox } from '../search/SearchBox';
import { SearchView } from '../search/SearchView';
import { ThemesView } from '../themes/ThemesView';
import { ProjectMenu } from './ProjectMenu';
import { StatusBar } from './StatusBar';
import { ThemeToggle } from './ThemeToggle';
import { useWorkbench, type View } from './workbench';

const VIEWS: { id: View; label: string; shortcut: string }[] = [
  { id: 'reader', label: 'Reader', shortcut: '1' },
  { id: 'themes', label: 'Themes', shortcut: '2' },
  { id: 'memos', label: 'Memos', shortcut: '3' },
];

export function App() {
  const wb = useWorkbench();
  useGlobalShortcuts();

  return (
    <div className={`app${wb.view === 'reader' ? ' with-margin' : ''}`}>
      <header className="topbar">
        <div className="brand" aria-label="Gloss">Gloss</div>
        {transportName() === 'http' && <ProjectMenu />}
        <nav className="view-tabs" aria-label="Views">
          {VIEWS.map((v) => (
            <button key={v.id} type="button" className={wb.view === v.id ? 'active' : ''}
              aria-pressed={wb.view === v.id} title={`${v.label} (Ctrl+${v.shortcut})`} onClick={() => wb.setView(v.id)}>
              {v.label}
            </button>
          ))}
        </nav>
        <SearchBox />
        <ThemeToggle />
      </header>
      <aside className="sidebar"><LibraryPanel /></aside>
      <main className="main-pane">
        {wb.view === 'reader' && <ReaderPane />}
        {wb.view === 'themes' && <ThemesView />}
        {wb.view === 'memos' && <MemoView />}
        {wb.view === 'search' && <SearchView />}
      </main>
      {wb.view === 'reader' && <aside className="margin"><MarginPanel /></aside>}
      <StatusBar />
    </div>
  );
}

function useGlobalShortcuts(): void {
  const wb = useWorkbench();
  useEffect(() => {
    const runUndo = async (redo: boolean) => {
      try {
        const label = redo ? await wb.undoStack.redo() : await wb.undoStack.undo();
        wb.setStatus(label ? `${redo ? 'Redid' : 'Undid'}: ${label}` : `Nothing to ${redo ? 'redo' : 'undo'}`);
        wb.invalidate();
      } catch (error) {
        wb.setStatus(`Could not ${redo ? 'redo' : 'undo'}: ${(error as Error).message}`);
      }
    };
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (!mod || isEditable(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' || key === 'y') {
        event.preventDefault();
        void runUndo(key === 'y' || event.shiftKey);
      } else if (key === '1' || key === '2' || key === '3') {
        event.preventDefault();
        wb.setView(VIEWS[Number(key) - 1].id);
      }
    };
    window.addEventListener('keydown', onKey);
    const offCite = onCitationRequest((highlightId) => { wb.setView('memos'); enqueueCitation(highlightId); });
    const offMenu = onMenuCommand((command) => {
      if (command === 'edit:undo') void runUndo(false);
      else if (command === 'edit:redo') void runUndo(true);
      else if (command === 'view:library') wb.setView('reader');
      else if (command === 'view:themes') wb.setView('themes');
      else if (command === 'view:memos') wb.setView('memos');
      else window.dispatchEvent(new CustomEvent('gloss:command', { detail: command }));
    });
    return () => { window.removeEventListener('keydown', onKey); offMenu(); offCite(); };
  }, [wb]);
}

export function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el && (el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT'));
}
