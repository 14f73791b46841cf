// The note on one passage (or on a whole document): rich text, saved as you type. The note comes from the store
// (loaded with the document's highlights), so opening it costs no request; a failed save is retried, never dropped.
import { lazy, Suspense, useEffect, useState } from 'react';
import type { Note } from '../../shared/types';
import { useWorkbench } from '../app/workbench';
import { useAutosave } from './useAutosave';

// The editor (tiptap) is most of the bundle's weight: load it when a note is first opened, not at start-up.
const RichTextEditor = lazy(() => import('./RichTextEditor').then((m) => ({ default: m.RichTextEditor })));

type Owner = { highlightId: number } | { documentId: number };

/**
 * True from the frame after mounting: an editor is costly to create, so a passage that was just highlighted or
 * selected shows at once and its note editor follows a moment later.
 */
function useMountedAfterFirstFrame(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setReady(true));
    return () => cancelAnimationFrame(frame);
  }, []);
  return ready;
}

function NoteEditor({ owner, note, label }: { owner: Owner; note: Note | null; label: string }) {
  const wb = useWorkbench();
  const ready = useMountedAfterFirstFrame();
  const ownerKey = JSON.stringify(owner);
  const autosave = useAutosave<{ content: string; text: string }>(
    async ({ content, text }) => {
      await wb.client['notes.save']({ ...owner, content, text });
    },
    {
      onSaved: () => wb.setStatus('Note saved.'),
      onFailed: (error, attempt) =>
        wb.setStatus(`Note not saved (${error.message}); retrying${attempt > 1 ? ` (attempt ${attempt})` : ''}…`, true),
    },
  );
  const placeholder = <p className="muted note-placeholder">{note?.text || 'Opening the note…'}</p>;
  if (!ready)
    return (
      <div className="note-editor" data-testid="note-editor">
        {placeholder}
      </div>
    );
  return (
    <div className="note-editor" data-testid="note-editor">
      <Suspense fallback={placeholder}>
        <RichTextEditor
          key={ownerKey}
          label={label}
          content={note?.content ?? null}
          onChange={(content, text) => autosave.schedule({ content, text })}
          onBlur={autosave.flush}
        />
      </Suspense>
    </div>
  );
}

export function HighlightNote({ highlightId, note }: { highlightId: number; note: Note | null }) {
  return <NoteEditor owner={{ highlightId }} note={note} label="Note on this passage" />;
}

export function DocumentNote({ documentId, note }: { documentId: number; note: Note | null }) {
  return <NoteEditor owner={{ documentId }} note={note} label="Note on this document" />;
}
