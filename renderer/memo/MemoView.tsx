// The memo composer: memos of the project, a rich-text editor with citation blocks, drafting and export.
import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChangeSet, CitationSource, Memo, MemoSummary } from '../../shared/types';
import { store } from '../api/client';
import { readHighlightDragData } from '../app/citations';
import { VirtualList } from '../app/VirtualList';
import { useWorkbench } from '../app/workbench';
import { CommandButton } from '../commands/CommandButton';
import { useCommands } from '../commands/useCommands';
import { RichTextEditor } from '../notes/RichTextEditor';
import { useChanges, useMemos } from '../store/hooks';
import { MemoLink } from './memoLinkNode';
import { MemoSubjectLine, memoKindLabel } from './subject';
import { LinkMemoDialog } from './LinkMemoDialog';
import { useAutosave } from '../notes/useAutosave';
import { Citation, citationAttrs, CitationSources } from './citationNode';
import { hasQueuedCitations, onQueuedCitation, takeCitations } from './citeQueue';
import { DraftFromTags } from './DraftFromTags';
import { DraftFromClaims } from './DraftFromClaims';
import { EvidenceTableNode } from './evidenceTableNode';
import { ChartImage } from './chartNode';
import { hasQueuedBlocks, onQueuedBlock, takeBlocks } from './blockQueue';
import { ExportMenu } from './ExportMenu';
import './memo.css';

/**
 * Where a citation "at the end" goes: in place of the empty paragraph the editor keeps last (to type after a block),
 * so that citing several passages leaves no empty paragraph between them.
 */
function endOfMemo(editor: Editor): number | { from: number; to: number } {
  const { doc } = editor.state;
  const last = doc.lastChild;
  const size = doc.content.size;
  return last?.type.name === 'paragraph' && last.content.size === 0 ? { from: size - last.nodeSize, to: size } : size;
}

export function MemoView() {
  const wb = useWorkbench();
  const list = useMemos();
  const loaded = store.isLoaded('memos');
  const [drafting, setDrafting] = useState<'tags' | 'claims' | null>(null);
  const openId = wb.memoId !== null && list.some((m) => m.id === wb.memoId) ? wb.memoId : (list[0]?.id ?? null);
  const openTitle = list.find((m) => m.id === openId)?.title;

  const create = useCallback(
    async (title = 'Untitled memo') => {
      const memo = await wb.client['memos.create']({ title });
      wb.openMemo(memo.id);
      return memo;
    },
    [wb],
  );
  const remove = useCallback(async () => {
    if (openId === null) return;
    try {
      await wb.client['memos.delete']({ id: openId });
      wb.openMemo(null);
      wb.setStatus(`Deleted memo “${openTitle}”. Ctrl+Z brings it back.`);
    } catch (error) {
      wb.setStatus(`Could not delete the memo: ${(error as Error).message}`, true);
    }
  }, [wb, openId, openTitle]);
  useCommands([
    { id: 'memo.new', label: 'New memo', category: 'Memo', run: () => create() },
    { id: 'memo.draftFromTags', label: 'Draft a memo from tags…', category: 'Memo', run: () => setDrafting('tags') },
    {
      id: 'memo.draftFromClaims',
      label: 'Draft a memo from claims…',
      category: 'Memo',
      run: () => setDrafting('claims'),
    },
    { id: 'memo.delete', label: 'Delete the open memo', category: 'Memo', enabled: () => openId !== null, run: remove },
  ]);

  // A passage cited from the reader or the theme view with no memo yet starts one (only one).
  const startingMemo = useRef(false);
  useEffect(() => {
    const startMemoForCitations = () => {
      if (!loaded || list.length !== 0 || startingMemo.current) return;
      if (!hasQueuedCitations() && !hasQueuedBlocks()) return;
      startingMemo.current = true;
      void create();
    };
    startMemoForCitations();
    const offCitations = onQueuedCitation(startMemoForCitations);
    const offBlocks = onQueuedBlock(startMemoForCitations);
    return () => {
      offCitations();
      offBlocks();
    };
  }, [loaded, list.length, create]);

  return (
    <div className="memos">
      <aside className="memo-list" aria-label="Memos">
        <div className="panel-header">
          <h2>Memos</h2>
        </div>
        <div className="memo-list-actions">
          <CommandButton command="memo.new">New memo</CommandButton>
          <CommandButton command="memo.draftFromTags">Draft from tags…</CommandButton>
          <CommandButton command="memo.draftFromClaims">Draft from claims…</CommandButton>
        </div>
        <VirtualList
          className="memo-items"
          label="Memo list"
          count={list.length}
          estimateSize={() => 40}
          itemKey={(i) => list[i].id}
          renderItem={(i) => {
            const m = list[i];
            return (
              <button type="button" className={m.id === openId ? 'selected' : ''} onClick={() => wb.openMemo(m.id)}>
                <span>{m.title}</span>
                <span className="muted">
                  {memoKindLabel(m)} · {new Date(m.updatedAt).toLocaleDateString()}
                </span>
              </button>
            );
          }}
        />
        {openId !== null && (
          <CommandButton
            command="memo.delete"
            className="link-button danger memo-delete"
            title="Delete the open memo (Ctrl+Z brings it back)"
          >
            Delete this memo
          </CommandButton>
        )}
      </aside>
      <section className="memo-main">
        {drafting === 'tags' && <DraftFromTags onClose={() => setDrafting(null)} />}
        {drafting === 'claims' && <DraftFromClaims onClose={() => setDrafting(null)} />}
        {openId ? (
          <MemoEditor key={openId} memoId={openId} />
        ) : (
          <div className="empty-state">
            <h2>No memo yet</h2>
            <p>
              Start one, or draft it from your tags: each tag becomes a section with its passages cited. In the reader,
              “Cite” sends a passage here; you can also drag passages from the margin or the theme view.
            </p>
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
  const [linking, setLinking] = useState(false);
  const insertEvidenceTable = useCallback(async () => {
    const editor = editorRef.current;
    if (!editor) return;
    wb.setStatus('Comparing the sources…');
    try {
      const table = await wb.client['memos.evidenceTable']({});
      if (table.rows.length === 0) return wb.setStatus('No claims to tabulate yet.');
      editor
        .chain()
        .focus()
        .insertContentAt(endOfMemo(editor), [{ type: 'evidenceTable', attrs: { table } }])
        .run();
      wb.setStatus(`Inserted an evidence table of ${table.rows.length} claims.`);
    } catch (error) {
      wb.setStatus(`Could not make the evidence table: ${(error as Error).message}`, true);
    }
  }, [wb]);
  useCommands([
    { id: 'memo.linkMemo', label: 'Link to another memo…', category: 'Memo', run: () => setLinking(true) },
    {
      id: 'memo.insertEvidenceTable',
      label: 'Insert an evidence table (claim × source)',
      category: 'Memo',
      run: insertEvidenceTable,
    },
  ]);
  const insertMemoLink = useCallback((target: MemoSummary) => {
    const editor = editorRef.current;
    if (!editor) return;
    editor
      .chain()
      .focus()
      .insertContent([
        { type: 'memoLink', attrs: { memoId: target.id, title: target.title } },
        { type: 'text', text: ' ' },
      ])
      .run();
    setLinking(false);
  }, []);

  useEffect(() => {
    let live = true;
    wb.client['memos.get']({ id: memoId }).then(
      (m) => {
        if (live) {
          setMemo(m);
          setTitle(m.title);
        }
      },
      (e: Error) => wb.setStatus(e.message),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [memoId]);

  const refreshSources = useCallback(
    async (editor: Editor | null) => {
      if (!editor) return;
      const ids: number[] = [];
      editor.state.doc.descendants((node) => {
        // Citations of a claim sentence have no passage to resolve (they show what was stored).
        if (node.type.name === 'citation' && typeof node.attrs.highlightId === 'number')
          ids.push(node.attrs.highlightId);
      });
      if (ids.length === 0) return;
      const resolved = await wb.client['citations.resolve']({ highlightIds: ids });
      setSources(new Map(resolved.map((s) => [s.highlightId, s])));
    },
    [wb.client],
  );
  // A cited passage that was edited, retagged or deleted shows as it is now.
  useChanges(
    useCallback(
      (changes: ChangeSet) => {
        if (changes.highlights || changes.documents) void refreshSources(editorRef.current);
      },
      [refreshSources],
    ),
  );

  const unsaved = useRef<{ content?: string; title?: string }>({});
  const autosave = useAutosave<{ content?: string; title?: string }>(
    async (patch) => {
      await wb.client['memos.update']({ id: memoId, ...patch });
    },
    {
      onSaved: () => wb.setStatus('Memo saved.'),
      onFailed: (error) => wb.setStatus(`Memo not saved (${error.message}); retrying…`, true),
    },
    700,
  );
  // Title and body edits within one pause are saved together, never one over the other.
  const save = {
    schedule: (patch: { content?: string; title?: string }) => {
      unsaved.current = { ...unsaved.current, ...patch };
      autosave.schedule(unsaved.current);
    },
    flush: () => {
      autosave.flush();
      unsaved.current = {};
    },
  };

  const insertCitations = useCallback(
    async (ids: number[], position?: number) => {
      const editor = editorRef.current;
      if (!editor || ids.length === 0) return;
      const resolved = (await wb.client['citations.resolve']({ highlightIds: ids })).filter((s) => s.exists);
      const nodes = resolved.map((s) => ({ type: 'citation', attrs: citationAttrs(s) }));
      editor
        .chain()
        .focus()
        .insertContentAt(position ?? endOfMemo(editor), nodes)
        .run();
      setSources((prev) => new Map([...prev, ...resolved.map((s) => [s.highlightId, s] as const)]));
      wb.setStatus(`Cited ${resolved.length} passage${resolved.length === 1 ? '' : 's'}.`);
    },
    [wb],
  );

  // A chart (or another block) sent from elsewhere goes at the end of the memo.
  const insertQueuedBlocks = useCallback(() => {
    const editor = editorRef.current;
    const blocks = editor ? takeBlocks() : [];
    if (!editor || blocks.length === 0) return;
    editor.chain().focus().insertContentAt(endOfMemo(editor), blocks).run();
    wb.setStatus(
      blocks.length === 1 ? 'Inserted the chart at the end of the memo.' : `Inserted ${blocks.length} charts.`,
    );
  }, [wb]);
  useEffect(() => onQueuedBlock(insertQueuedBlocks), [insertQueuedBlocks]);

  // Citations queued before the editor is ready wait for onReady; none is taken from the queue and then dropped.
  useEffect(
    () =>
      onQueuedCitation(() => {
        if (editorRef.current) void insertCitations(takeCitations());
      }),
    [insertCitations],
  );

  if (!memo) return <p className="muted loading">Opening memo…</p>;
  return (
    <div className="memo-editor">
      <div className="memo-header">
        <input
          className="memo-title"
          aria-label="Memo title"
          value={title}
          onChange={(e) => {
            setTitle(e.target.value);
            if (e.target.value.trim()) save.schedule({ title: e.target.value });
          }}
          onBlur={save.flush}
        />
        <ExportMenu memoId={memoId} beforeExport={save.flush} />
      </div>
      <div className="memo-subject-bar">
        <MemoSubjectLine memo={memo} />
        <CommandButton command="memo.linkMemo" className="link-button" title="Cite another memo: a link that opens it">
          Link a memo…
        </CommandButton>
        <CommandButton
          command="memo.insertEvidenceTable"
          className="link-button"
          title="Claims × sources with their grades, at the end of the memo"
        >
          Insert evidence table
        </CommandButton>
      </div>
      {linking && <LinkMemoDialog exclude={memoId} onPick={insertMemoLink} onClose={() => setLinking(false)} />}
      <CitationSources.Provider value={sources}>
        <RichTextEditor
          label="Memo"
          className="memo-body"
          content={memo.content}
          extensions={[Citation, MemoLink, EvidenceTableNode, ChartImage]}
          onReady={(editor) => {
            editorRef.current = editor;
            void refreshSources(editor);
            void insertCitations(takeCitations());
            insertQueuedBlocks();
          }}
          onChange={(content) => save.schedule({ content })}
          onBlur={save.flush}
          editorProps={{
            handleDrop: (view, event) => {
              const id = readHighlightDragData(event.dataTransfer);
              if (id === null) return false;
              event.preventDefault();
              const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos;
              void insertCitations([id], at);
              return true;
            },
          }}
        />
      </CitationSources.Provider>
    </div>
  );
}
