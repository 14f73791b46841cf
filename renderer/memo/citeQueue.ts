// Citation requests that arrive while no memo editor is open wait here until one is.
const queue: number[] = [];
const listeners = new Set<() => void>();

export function enqueueCitation(highlightId: number): void {
  queue.push(highlightId);
  listeners.forEach((l) => l());
}

export function hasQueuedCitations(): boolean {
  return queue.length > 0;
}

export function takeCitations(): number[] {
  return queue.splice(0, queue.length);
}

export function onQueuedCitation(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
