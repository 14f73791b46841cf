// The memo composer: memos of the project, a rich-text editor with citation blocks, drafting and export.
import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CitationSource, Memo } from '../../shared/types';
import { readHighlightDragData } from '../app/citations';
import { useApi } from '../app/useApi';
import { useWorkbench } from '../app/workbench';
import { RichTextEditor } from '../notes/RichTextEditor';
import { useAutosave } from '../notes/useAutosave';
import { Citation, citationAttrs, CitationSources } from './citationNode';
import { hasQueuedCitations, onQueuedCitation, takeCitations } from './citeQueue';
import { DraftFromTags } from './DraftFromTags';
import { ExportMenu } from './ExportMenu';
import './memo.css';

export function MemoView() {
  const wb = useWorkbench();
  const memos = useApi(() => wb.client['memos.list']({}), []);
  const [drafting, setDrafting] = useState(false);
  const list = memos.data ?? [];
  const openId = wb.memoId ?? list[0]?.id ?? null;

  const create = useCallback(async (title = 'Untitled memo') => {
    const memo = await wb.client['memos.create']({ title });
    wb.openMemo(memo.id);
    wb.invalidate();
    return memo;
  }, [wb]);

  // A passage cited from the reader or the theme view with no memo yet starts one (only one).
  const startingMemo = useRef(false);
  useEffect(() => {
    const startMemoForCitations = () => {
      if (memos.data?.length !== 0 || !hasQueuedCitations() || startingMemo.current) return;
      startingMemo.current = true;
      void create();
    };
    startMemoForCitations();
    return onQueuedCitation(startMemoForCitations);
  }, [memos.data, create]);

  return (
    <div className="memos">
      <aside className="memo-list" aria-label="Memos">
        <div className="panel-header"><h2>Memos</h2></div>
        <div className="memo-list-actions">
          <button type="button" onClick={() => void create()}>New memo</button>
          <button type="button" onClick={() => setDrafting(true)}>Draft from tags…</button>
        </div>
        <ul>
          {list.map((m) => (
            <li key={m.id}>
              <button type="button" className={m.id === openId ? 'selected' : ''} onClick={() => wb.openMemo(m.id)}>
                <span>{m.title}</span><span className="muted">{new Date(m.updatedAt).toLocaleDateString()}</span>
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <section className="memo-main">
        {drafting && <DraftFromTags onClose={() => setDrafting(false)} />}
        {openId ? <MemoEditor key={openId} memoId={openId} /> : (
          <div className="empty-state">
            <h2>No memo yet</h2>
            <p>Start one, or draft it from your tags: each tag becomes a section with its passages cited.
              In the reader, “Cite” sends a passage here; you can also drag passages from the margin or the theme view.</p>
          </div>
        )}
      </section>
    </div>
  );
}

function MemoEditor({ memoId }: { memoId: number }) {
  const wb = useWorkbench();
  const [memo, setMemo] = useState<Memo | null>(null);
  const [title, setTitle] = useState('');
  const [sources, setSources] = useState(new Map<number, CitationSource>());
  const editorRef = useRef<Editor | null>(null);

  useEffect(() => {
    let live = true;
    wb.client['memos.get']({ id: memoId }).then((m) => { if (live) { setMemo(m); setTitle(m.title); } }, (e: Error) => wb.setStatus(e.message));
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [memoId]);

  const refreshSources = useCallback(async (editor: Editor | null) => {
    if (!editor) return;
    const ids: number[] = [];
    editor.state.doc.descendants((node) => { if (node.type.name === 'citation') ids.push(Number(node.attrs.highlightId)); });
    if (ids.length === 0) return;
    const resolved = await wb.client['citations.resolve']({ highlightIds: ids });
    setSources(new Map(resolved.map((s) => [s.highlightId, s])));
  }, [wb.client]);
  useEffect(() => { void refreshSources(editorRef.current); }, [wb.dataVersion, refreshSources]);

  const save = useAutosave<{ content?: string; title?: string }>(async (patch) => {
    try {
      await wb.client['memos.update']({ id: memoId, ...patch });
      wb.setStatus('Memo saved.');
      if (patch.title !== undefined) wb.invalidate();
    } catch (error) { wb.setStatus(`Memo not saved: ${(error as Error).message}`); }
  }, 700);

  const insertCitations = useCallback(async (ids: number[], position?: number) => {
    const editor = editorRef.current;
    if (!editor || ids.length === 0) return;
    const resolved = (await wb.client['citations.resolve']({ highlightIds: ids })).filter((s) => s.exists);
    const nodes = resolved.map((s) => ({ type: 'citation', attrs: citationAttrs(s) }));
    const chain = editor.chain().focus();
    (position === undefined ? chain.insertContentAt(editor.state.doc.content.size, nodes) : chain.insertContentAt(position, nodes)).run();
    setSources((prev) => new Map([...prev, ...resolved.map((s) => [s.highlightId, s] as const)]));
    wb.setStatus(`Cited ${resolved.length} passage${resolved.length === 1 ? '' : 's'}.`);
  }, [wb]);

  useEffect(() => onQueuedCitation(() => void insertCitations(takeCitations())), [insertCitations]);

  if (!memo) return <p className="muted loading">Opening memo…</p>;
  return (
    <div className="memo-editor">
      <div className="memo-header">
        <input className="memo-title" aria-label="Memo title" value={title}
          onChange={(e) => { setTitle(e.target.value); if (e.target.value.trim()) save.schedule({ title: e.target.value }); }}
          onBlur={save.flush} />
        <ExportMenu memoId={memoId} beforeExport={save.flush} />
      </div>
      <CitationSources.Provider value={sources}>
        <RichTextEditor label="Memo" className="memo-body" content={memo.content} extensions={[Citation]}
          onReady={(editor) => {
            editorRef.current = editor;
            void refreshSources(editor);
            void insertCitations(takeCitations());
          }}
          onChange={(content) => save.schedule({ content })} onBlur={save.flush}
          editorProps={{
            handleDrop: (view, event) => {
              const id = readHighlightDragData(event.dataTransfer);
              if (id === null) return false;
              event.preventDefault();
              const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos;
              void insertCitations([id], at);
              return true;
            },
          }} />
      </CitationSources.Provider>
    </div>
  );
}
