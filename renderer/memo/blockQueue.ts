// Blocks sent to the memo from elsewhere (a chart from the analysis view) wait here until a memo editor takes them.
// Kept apart from the editor so the sender does not load tiptap.
export interface QueuedBlock {
  type: string;
  attrs: Record<string, unknown>;
}

const queue: QueuedBlock[] = [];
const listeners = new Set<() => void>();

export function enqueueBlock(block: QueuedBlock): void {
  queue.push(block);
  listeners.forEach((l) => l());
}

export function hasQueuedBlocks(): boolean {
  return queue.length > 0;
}

export function takeBlocks(): QueuedBlock[] {
  return queue.splice(0, queue.length);
}

export function onQueuedBlock(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
