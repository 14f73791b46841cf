import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { opNames } from '../../shared/api.js';
import { startBackend, type TestBackend } from '../support/backend.js';

let backend: TestBackend;
before(async () => {
  backend = await startBackend();
});
after(() => backend.close());

const malformed: unknown[] = [null, 42, 'text', [], { unexpected: true }, { id: -1 }, { id: 'one' }];

test('every operation rejects malformed arguments with a clear invalid_argument error', async () => {
  for (const op of opNames) {
    for (const args of malformed) {
      const response = await backend.dispatch(op, args);
      // Operations without arguments accept {}; anything else must be refused.
      if (response.ok) {
        assert.fail(`${op} accepted ${JSON.stringify(args)}`);
      }
      assert.equal(response.error.code, 'invalid_argument', `${op} ${JSON.stringify(args)}: ${response.error.message}`);
      assert.ok(response.error.message.startsWith(`${op}:`), response.error.message);
    }
  }
});

test('an unknown operation is refused by name', async () => {
  const response = await backend.dispatch('documents.drop', {});
  assert.equal(response.ok, false);
  if (!response.ok) assert.match(response.error.message, /no operation called "documents.drop"/);
  const notString = await backend.dispatch({ toString: 1 }, {});
  assert.equal(notString.ok, false);
});

test('a missing document is not_found, not a crash', async () => {
  await assert.rejects(backend.client['documents.get']({ id: 999_999 }), /no document with id 999999/);
});

test('documents can be listed, read and their metadata edited', async () => {
  const docs = await backend.client['documents.list']({});
  assert.equal(docs.length, 5);
  const doc = await backend.client['documents.get']({ id: docs[0].id });
  assert.ok(doc.text.includes('pragmatism and realistic view'));
  const updated = await backend.client['documents.update']({
    id: doc.id,
    patch: { outlet: 'Al Jazeera', publishedAt: '2025-02-27' },
  });
  assert.equal(updated.outlet, 'Al Jazeera');
  assert.equal(updated.publishedAt, '2025-02-27');
  await assert.rejects(
    backend.client['documents.update']({ id: doc.id, patch: { publishedAt: 'yesterday' } }),
    /publishedAt/,
  );
  await assert.rejects(
    backend.client['documents.update']({ id: doc.id, patch: { url: 'javascript:alert(1)' } }),
    /url/,
  );
  const sorted = await backend.client['documents.list']({ sort: 'outlet', descending: true });
  assert.equal(sorted[0].outlet, 'Al Jazeera');
});
