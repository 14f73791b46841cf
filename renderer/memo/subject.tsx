// What a memo is about, named for the analyst: "Project memo", "About the document “…”", "Code memo: tag".
import { useEffect, useState } from 'react';
import type { MemoSummary } from '../../shared/types';
import { store } from '../api/client';
import { useWorkbench } from '../app/workbench';
import { useDocumentSummary, useTagsById } from '../store/hooks';

export function memoKindLabel(m: Pick<MemoSummary, 'documentId' | 'tagId' | 'highlightId'>): string {
  if (m.highlightId !== null) return 'Passage memo';
  if (m.tagId !== null) return 'Code memo';
  if (m.documentId !== null) return 'Document memo';
  return 'Project memo';
}

export function MemoSubjectLine({ memo }: { memo: MemoSummary }) {
  const wb = useWorkbench();
  const tags = useTagsById();
  const document = useDocumentSummary(memo.documentId);
  const passage = usePassage(memo.highlightId);
  let about: React.ReactNode = 'the project';
  if (memo.tagId !== null) {
    const tag = tags.get(memo.tagId);
    about = (
      <>
        the tag{' '}
        <span className="tag-chip" style={{ borderColor: tag?.color }} title={tag?.description || undefined}>
          {tag?.name ?? '…'}
        </span>
      </>
    );
  } else if (memo.documentId !== null) {
    about = (
      <button type="button" className="link-button" onClick={() => wb.openDocument(memo.documentId)}>
        {document?.title ?? store.documents.get(memo.documentId)?.title ?? 'the document'}
      </button>
    );
  } else if (memo.highlightId !== null) {
    about = passage ? (
      <button
        type="button"
        className="link-button"
        onClick={() =>
          wb.openDocument(passage.documentId, {
            start: passage.start,
            end: passage.end,
            highlightId: memo.highlightId!,
          })
        }
      >
        “{passage.exact.length > 90 ? `${passage.exact.slice(0, 89)}…` : passage.exact}”
      </button>
    ) : (
      'a passage'
    );
  }
  return (
    <span className="memo-subject muted">
      <strong>{memoKindLabel(memo)}</strong> · about {about}
    </span>
  );
}

function usePassage(highlightId: number | null) {
  const wb = useWorkbench();
  const [passage, setPassage] = useState<{ documentId: number; start: number; end: number; exact: string } | null>(
    null,
  );
  useEffect(() => {
    if (highlightId === null) return;
    let live = true;
    void wb.client['citations.resolve']({ highlightIds: [highlightId] }).then(([s]) => {
      if (live && s?.exists)
        setPassage({ documentId: s.documentId!, start: s.start!, end: s.end!, exact: s.exact ?? '' });
    });
    return () => {
      live = false;
    };
  }, [highlightId, wb.client]);
  return passage;
}
