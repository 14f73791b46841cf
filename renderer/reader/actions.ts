// Highlight edits that go through the API and onto the undo stack.
import { useMemo } from 'react';
import type { Highlight, HighlightSnapshot, Tag } from '../../shared/types';
import { useWorkbench } from '../app/workbench';

export interface HighlightActions {
  create(documentId: number, start: number, end: number, tagIds?: number[]): Promise<Highlight | null>;
  remove(id: number): Promise<void>;
  setTags(highlight: Highlight, tagIds: number[]): Promise<void>;
  setColor(highlight: Highlight, color: string | null): Promise<void>;
  /** Assigns a tag by name, creating it in the codebook if it is new. */
  tagByName(highlight: Highlight, name: string, tags: Tag[]): Promise<void>;
}

export function useHighlightActions(): HighlightActions {
  const wb = useWorkbench();
  return useMemo(() => {
    const { client, undoStack } = wb;
    const report = (error: unknown) => wb.setStatus(`Could not save: ${(error as Error).message}`);
    const done = (status: string) => { wb.setStatus(status); wb.invalidate(); };

    const actions: HighlightActions = {
      async create(documentId, start, end, tagIds) {
        try {
          let current = await client['highlights.create']({ documentId, start, end, tagIds });
          let snapshot: HighlightSnapshot | null = null;
          undoStack.push({
            label: 'highlight',
            undo: async () => { snapshot = await client['highlights.delete']({ id: current.id }); },
            redo: async () => { if (snapshot) current = await client['highlights.restore'](snapshot); },
          });
          wb.selectHighlight(current.id);
          done('Highlighted. Press T to tag it, Delete to remove it.');
          return current;
        } catch (error) {
          report(error);
          return null;
        }
      },
      async remove(id) {
        try {
          let snapshot = await client['highlights.delete']({ id });
          undoStack.push({
            label: 'delete highlight',
            undo: async () => { await client['highlights.restore'](snapshot); },
            redo: async () => { snapshot = await client['highlights.delete']({ id }); },
          });
          wb.selectHighlight(null);
          done('Highlight deleted (Ctrl+Z to undo).');
        } catch (error) { report(error); }
      },
      async setTags(highlight, tagIds) {
        const before = highlight.tagIds;
        try {
          await client['highlights.update']({ id: highlight.id, tagIds });
          undoStack.push({
            label: 'retag',
            undo: async () => { await client['highlights.update']({ id: highlight.id, tagIds: before }); },
            redo: async () => { await client['highlights.update']({ id: highlight.id, tagIds }); },
          });
          done('Tags saved.');
        } catch (error) { report(error); }
      },
      async setColor(highlight, color) {
        const before = highlight.color;
        try {
          await client['highlights.update']({ id: highlight.id, color });
          undoStack.push({
            label: 'recolour',
            undo: async () => { await client['highlights.update']({ id: highlight.id, color: before }); },
            redo: async () => { await client['highlights.update']({ id: highlight.id, color }); },
          });
          done('Colour saved.');
        } catch (error) { report(error); }
      },
      async tagByName(highlight, name, tags) {
        const wanted = name.trim();
        if (!wanted) return;
        try {
          const tag = tags.find((t) => t.name.toLowerCase() === wanted.toLowerCase())
            ?? await client['tags.create']({ name: wanted });
          if (!highlight.tagIds.includes(tag.id)) await actions.setTags(highlight, [...highlight.tagIds, tag.id]);
        } catch (error) { report(error); }
      },
    };
    return actions;
  }, [wb]);
}
