// The note on one passage. Placeholder until the notes issue lands its tiptap editor here.
export function HighlightNote({ highlightId }: { highlightId: number }) {
  return <div className="highlight-note" data-highlight-id={highlightId} />;
}
