// Workbench state every pane shares: which view, document and memo are open, where the reader should scroll,
// and the status line. Data lives in the store (renderer/store); actions are commands (renderer/commands).
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { GlossClient } from '../../shared/client';
import { client as defaultClient } from '../api/client';

export type View =
  | 'reader'
  | 'themes'
  | 'memos'
  | 'search'
  | 'analysis'
  | 'claims'
  | 'memoIndex'
  | 'entities'
  | 'timeline'
  | 'agreement'
  | 'team';

/** Where the reader should scroll to and what to flash once a document is shown. */
export interface ReaderFocus {
  start: number;
  end: number;
  highlightId?: number;
  /** Changes on every request so the same passage can be focused twice. */
  nonce: number;
}

export interface Workbench {
  client: GlossClient;
  view: View;
  setView(view: View): void;
  documentId: number | null;
  openDocument(id: number | null, focus?: { start: number; end: number; highlightId?: number }): void;
  focus: ReaderFocus | null;
  selectedHighlightId: number | null;
  selectHighlight(id: number | null): void;
  memoId: number | null;
  openMemo(id: number | null): void;
  searchQuery: string;
  setSearchQuery(query: string): void;
  /** Shows a message in the status bar; `sticky` keeps it until the next message (errors that need action). */
  setStatus(text: string, sticky?: boolean): void;
}

export interface StatusMessage {
  text: string;
  sticky: boolean;
  nonce: number;
}

const WorkbenchContext = createContext<Workbench | null>(null);
// The status line has a context of its own: a message re-renders the status bar, not every pane.
const StatusContext = createContext<StatusMessage>({ text: '', sticky: false, nonce: 0 });

export function WorkbenchProvider({ children, client = defaultClient }: { children: ReactNode; client?: GlossClient }) {
  const [view, setView] = useState<View>('reader');
  const [documentId, setDocumentId] = useState<number | null>(null);
  const [focus, setFocus] = useState<ReaderFocus | null>(null);
  const [selectedHighlightId, selectHighlight] = useState<number | null>(null);
  const [memoId, setMemoId] = useState<number | null>(null);
  const [searchQuery, setSearchQuery] = useState('');
  const [status, setStatusText] = useState({ text: '', sticky: false, nonce: 0 });
  const nonce = useRef(0);

  const openDocument = useCallback(
    (id: number | null, target?: { start: number; end: number; highlightId?: number }) => {
      setDocumentId(id && id > 0 ? id : null);
      setView('reader');
      setFocus(target ? { ...target, nonce: ++nonce.current } : null);
      selectHighlight(target?.highlightId ?? null);
    },
    [],
  );
  const openMemo = useCallback((id: number | null) => {
    setMemoId(id);
    setView('memos');
  }, []);
  const setStatus = useCallback((text: string, sticky = false) => {
    setStatusText((s) => ({ text, sticky, nonce: s.nonce + 1 }));
  }, []);

  const value = useMemo<Workbench>(
    () => ({
      client,
      view,
      setView,
      documentId,
      openDocument,
      focus,
      selectedHighlightId,
      selectHighlight,
      memoId,
      openMemo,
      searchQuery,
      setSearchQuery,
      setStatus,
    }),
    [client, view, documentId, openDocument, focus, selectedHighlightId, memoId, openMemo, searchQuery, setStatus],
  );
  return (
    <WorkbenchContext.Provider value={value}>
      <StatusContext.Provider value={status}>{children}</StatusContext.Provider>
    </WorkbenchContext.Provider>
  );
}

export function useStatusMessage(): StatusMessage {
  return useContext(StatusContext);
}

export function useWorkbench(): Workbench {
  const value = useContext(WorkbenchContext);
  if (!value) throw new Error('useWorkbench must be used inside <WorkbenchProvider>');
  return value;
}
