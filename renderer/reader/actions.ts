// Highlight edits. Each is one API call; its changes patch the store and its undo lives in the project's history.
import { useMemo } from 'react';
import type { Highlight, Tag } from '../../shared/types';
import { useWorkbench } from '../app/workbench';

export interface HighlightActions {
  create(documentId: number, start: number, end: number, tagIds?: number[]): Promise<Highlight | null>;
  remove(id: number): Promise<void>;
  setTags(highlight: Highlight, tagIds: number[]): Promise<void>;
  setColor(highlight: Highlight, color: string | null): Promise<void>;
  /** Moves the passage's boundaries to new offsets (keeping its tags and note). */
  move(highlight: Highlight, start: number, end: number): Promise<void>;
  /** Assigns a tag by name, creating it in the codebook if it is new. */
  tagByName(highlight: Highlight, name: string, tags: Tag[]): Promise<void>;
  /** In-vivo coding: highlights the passage with a tag named by its own words (an existing one of that name). */
  createInVivo(documentId: number, start: number, end: number, words: string, tags: Tag[]): Promise<Highlight | null>;
}

/** The longest in-vivo tag name: a tag is a label, not a quote. */
const IN_VIVO_MAX = 80;

export function inVivoName(words: string): string {
  const name = words.replace(/\s+/g, ' ').trim();
  return name.length <= IN_VIVO_MAX ? name : `${name.slice(0, IN_VIVO_MAX - 1).trimEnd()}…`;
}

export function useHighlightActions(): HighlightActions {
  const wb = useWorkbench();
  const { client, setStatus, selectHighlight } = wb;
  return useMemo(() => {
    const report = (error: unknown) => setStatus(`Could not save: ${(error as Error).message}`, true);
    const actions: HighlightActions = {
      async create(documentId, start, end, tagIds) {
        try {
          const created = await client['highlights.create']({ documentId, start, end, tagIds });
          selectHighlight(created.id);
          setStatus('Highlighted. Press T to tag it, Delete to remove it.');
          return created;
        } catch (error) {
          report(error);
          return null;
        }
      },
      async remove(id) {
        try {
          await client['highlights.delete']({ id });
          selectHighlight(null);
          setStatus('Highlight deleted (Ctrl+Z to undo).');
        } catch (error) {
          report(error);
        }
      },
      async setTags(highlight, tagIds) {
        try {
          await client['highlights.update']({ id: highlight.id, tagIds });
          setStatus('Tags saved.');
        } catch (error) {
          report(error);
        }
      },
      async setColor(highlight, color) {
        try {
          await client['highlights.update']({ id: highlight.id, color });
          setStatus('Colour saved.');
        } catch (error) {
          report(error);
        }
      },
      async move(highlight, start, end) {
        try {
          await client['highlights.update']({ id: highlight.id, start, end });
          setStatus('Highlight moved (Ctrl+Z to undo).');
        } catch (error) {
          report(error);
        }
      },
      async createInVivo(documentId, start, end, words, tags) {
        const name = inVivoName(words);
        try {
          const tag =
            tags.find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? (await client['tags.create']({ name }));
          const created = await client['highlights.create']({ documentId, start, end, tagIds: [tag.id] });
          selectHighlight(created.id);
          setStatus(`Highlighted and tagged “${tag.name}” (in vivo).`);
          return created;
        } catch (error) {
          report(error);
          return null;
        }
      },
      async tagByName(highlight, name, tags) {
        const wanted = name.trim();
        if (!wanted) return;
        try {
          const tag =
            tags.find((t) => t.name.toLowerCase() === wanted.toLowerCase()) ??
            (await client['tags.create']({ name: wanted }));
          if (!highlight.tagIds.includes(tag.id)) await actions.setTags(highlight, [...highlight.tagIds, tag.id]);
        } catch (error) {
          report(error);
        }
      },
    };
    return actions;
  }, [client, setStatus, selectHighlight]);
}
