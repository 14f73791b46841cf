// Workbench state every pane shares: which view and document are open, where the reader should scroll,
// the status line, the undo stack, and a data version that panes re-fetch on after any write.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { GlossClient } from '../../shared/api';
import { client as defaultClient } from '../api/client';
import { UndoStack } from './undo';

export type View = 'reader' | 'themes' | 'memos' | 'search';

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
  openDocument(id: number, focus?: { start: number; end: number; highlightId?: number }): void;
  focus: ReaderFocus | null;
  selectedHighlightId: number | null;
  selectHighlight(id: number | null): void;
  memoId: number | null;
  openMemo(id: number | null): void;
  searchQuery: string;
  setSearchQuery(query: string): void;
  dataVersion: number;
  /** Call after any write so every pane re-fetches what it shows. */
  invalidate(): void;
  status: string;
  setStatus(text: string): void;
  undoStack: UndoStack;
}

const WorkbenchContext = createContext<Workbench | null>(null);

export function WorkbenchProvider({ children, client = defaultClient }: { children: ReactNode; client?: GlossClient }) {
  const [view, setView] = useState<View>('reader');
  const [documentId, setDocumentId] = useState<number | null>(null);
  const [focus, setFocus] = useState<ReaderFocus | null>(null);
  const [selectedHighlightId, selectHighlight] = useState<number | null>(null);
  const [memoId, setMemoId] = useState<number | null>(null);
  const [searchQuery, setSearchQuery] = useState('');
  const [dataVersion, setDataVersion] = useState(0);
  const [status, setStatus] = useState('');
  const undoStack = useRef(new UndoStack()).current;
  const nonce = useRef(0);

  const openDocument = useCallback((id: number, target?: { start: number; end: number; highlightId?: number }) => {
    setDocumentId(id > 0 ? id : null);
    setView('reader');
    setFocus(target ? { ...target, nonce: ++nonce.current } : null);
    selectHighlight(target?.highlightId ?? null);
  }, []);
  const openMemo = useCallback((id: number | null) => { setMemoId(id); setView('memos'); }, []);
  const invalidate = useCallback(() => setDataVersion((v) => v + 1), []);

  const value = useMemo<Workbench>(() => ({
    client, view, setView, documentId, openDocument, focus, selectedHighlightId, selectHighlight,
    memoId, openMemo, searchQuery, setSearchQuery, dataVersion, invalidate, status, setStatus, undoStack,
  }), [client, view, documentId, openDocument, focus, selectedHighlightId, memoId, openMemo, searchQuery,
    dataVersion, invalidate, status, undoStack]);
  return <WorkbenchContext.Provider value={value}>{children}</WorkbenchContext.Provider>;
}

export function useWorkbench(): Workbench {
  const value = useContext(WorkbenchContext);
  if (!value) throw new Error('useWorkbench must be used inside <WorkbenchProvider>');
  return value;
}
