// A link from one memo to another: an inline tiptap node holding the memo's id and a snapshot of its title. It shows
// the linked memo's title as it is now and opens it on click; a deleted memo keeps its last title, struck through.
import { mergeAttributes, Node } from '@tiptap/core';
import { NodeViewWrapper, ReactNodeViewRenderer, type NodeViewProps } from '@tiptap/react';
import { store } from '../api/client';
import { useWorkbench } from '../app/workbench';
import { useMemos } from '../store/hooks';

export const MemoLink = Node.create({
  name: 'memoLink',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return { memoId: { default: null }, title: { default: '' } };
  },
  parseHTML() {
    return [{ tag: 'a[data-memo-link]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['a', mergeAttributes(HTMLAttributes, { 'data-memo-link': '' })];
  },
  addNodeView() {
    return ReactNodeViewRenderer(MemoLinkView);
  },
});

function MemoLinkView({ node, selected }: NodeViewProps) {
  const wb = useWorkbench();
  useMemos();
  const memoId = Number(node.attrs.memoId);
  const live = store.memos.get(memoId);
  const gone = store.isLoaded('memos') && !live;
  const title = live?.title ?? String(node.attrs.title ?? '');
  return (
    <NodeViewWrapper as="span" className={`memo-link${selected ? ' selected' : ''}${gone ? ' deleted' : ''}`}>
      <button
        type="button"
        className="link-button"
        title={gone ? 'This memo was deleted' : `Open the memo “${title}”`}
        disabled={gone}
        onClick={() => wb.openMemo(memoId)}
      >
        ↗ {title || 'Untitled memo'}
      </button>
    </NodeViewWrapper>
  );
}
