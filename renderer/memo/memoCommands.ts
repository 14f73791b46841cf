// "New memo about this": memos about the open document, the selected passage or a tag. Registered at the app level
// (without the editor, which loads with the Memos view) so the reader and the codebook can start one.
import type { MemoSubject } from '../../shared/types';
import { store } from '../api/client';
import type { Workbench } from '../app/workbench';
import { useCommands } from '../commands/useCommands';

const short = (text: string, max = 48) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

export function memoTitleFor(subject: MemoSubject): string {
  if (subject.tagId !== undefined) return `Code memo: ${store.tags.get(subject.tagId)?.name ?? 'tag'}`;
  if (subject.highlightId !== undefined) {
    const exact = store.highlights.get(subject.highlightId)?.exact;
    return exact ? `On “${short(exact.replace(/\s+/g, ' '))}”` : 'Passage memo';
  }
  if (subject.documentId !== undefined)
    return `On ${store.documents.get(subject.documentId)?.title ?? 'the document'}`.slice(0, 500);
  return 'Untitled memo';
}

export async function createMemoAbout(wb: Workbench, subject: MemoSubject): Promise<void> {
  try {
    const memo = await wb.client['memos.create']({ title: memoTitleFor(subject), ...subject });
    wb.openMemo(memo.id);
    wb.setStatus(`Started “${memo.title}”. Ctrl+Z takes it back.`);
  } catch (error) {
    wb.setStatus(`Could not start the memo: ${(error as Error).message}`, true);
  }
}

export function useMemoSubjectCommands(wb: Workbench): void {
  const { documentId, selectedHighlightId } = wb;
  useCommands([
    {
      id: 'memo.newAboutDocument',
      label: 'New memo about the open document',
      category: 'Memo',
      enabled: () => documentId !== null,
      run: () => documentId !== null && createMemoAbout(wb, { documentId }),
    },
    {
      id: 'memo.newAboutPassage',
      label: 'New memo about the selected passage',
      category: 'Memo',
      enabled: () => selectedHighlightId !== null,
      run: () => selectedHighlightId !== null && createMemoAbout(wb, { highlightId: selectedHighlightId }),
    },
  ]);
}
