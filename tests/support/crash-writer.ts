// Child process for the crash-safety test: writes highlights and notes through the real dispatcher and
// prints an acknowledgement only after each write has returned (i.e. after its transaction committed).
import { createBackend } from '../../electron/backend.js';

const [dataDir, projectPath] = process.argv.slice(2);
const backend = await createBackend({ dataDir, projectPath });
const docs = await backend.dispatch('documents.list', {});
if (!docs.ok) throw new Error(docs.error.message);
const documents = docs.result as { id: number; length: number }[];

for (let i = 0; ; i++) {
  const doc = documents[i % documents.length];
  const start = (i * 37) % (doc.length - 40);
  const created = await backend.dispatch('highlights.create', { documentId: doc.id, start, end: start + 25 });
  if (!created.ok) throw new Error(created.error.message);
  const highlightId = (created.result as { id: number }).id;
  const text = `crash note ${i} for highlight ${highlightId}`;
  const note = await backend.dispatch('notes.save', {
    highlightId,
    content: JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }),
    text,
  });
  if (!note.ok) throw new Error(note.error.message);
  process.stdout.write(`ACK ${highlightId} ${(note.result as { id: number }).id} ${text}\n`);
}
