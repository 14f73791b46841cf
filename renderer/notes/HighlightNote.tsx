// The note on one passage (or on a whole document): rich text, saved as you type.
import { useEffect, useState } from 'react';
import type { Note } from '../../shared/types';
import { useWorkbench } from '../app/workbench';
import { RichTextEditor } from './RichTextEditor';
import { useAutosave } from './useAutosave';

type Owner = { highlightId: number } | { documentId: number };

function NoteEditor({ owner, label }: { owner: Owner; label: string }) {
  const wb = useWorkbench();
  const [note, setNote] = useState<Note | null | undefined>(undefined);
  const ownerKey = JSON.stringify(owner);
  useEffect(() => {
    let live = true;
    setNote(undefined);
    const load = 'highlightId' in owner
      ? wb.client['notes.forHighlight']({ highlightId: owner.highlightId })
      : wb.client['notes.forDocument']({ documentId: owner.documentId });
    load.then((n) => { if (live) setNote(n); }, (error: Error) => { if (live) { setNote(null); wb.setStatus(error.message); } });
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ownerKey]);
  const autosave = useAutosave<{ content: string; text: string }>(async ({ content, text }) => {
    try {
      await wb.client['notes.save']({ ...owner, content, text });
      wb.setStatus('Note saved.');
      wb.invalidate();
    } catch (error) { wb.setStatus(`Note not saved: ${(error as Error).message}`); }
  });
  if (note === undefined) return <p className="muted">Loading note…</p>;
  return (
    <div className="note-editor" data-testid="note-editor">
      <RichTextEditor key={ownerKey} label={label} content={note?.content ?? null}
        onChange={(content, text) => autosave.schedule({ content, text })} onBlur={autosave.flush} />
    </div>
  );
}

export function HighlightNote({ highlightId }: { highlightId: number }) {
  return <NoteEditor owner={{ highlightId }} label="Note on this passage" />;
}

export function DocumentNote({ documentId }: { documentId: number }) {
  return <NoteEditor owner={{ documentId }} label="Note on this document" />;
}
