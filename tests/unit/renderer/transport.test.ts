// Start-up reads sent early (renderer/boot.ts) are answered once, to the call that asks exactly the same thing;
// anything else goes to the main process as usual. The preload bridge is the process boundary, so it is faked here.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CallResponse } from '../../../shared/errors';

const calls: { op: string; args: unknown }[] = [];
(globalThis as { window?: unknown }).window = {
  gloss: {
    transport: 'ipc',
    call: (op: string, args: unknown): Promise<CallResponse> => {
      calls.push({ op, args });
      return Promise.resolve({ ok: true, result: { op, n: calls.length } });
    },
    onMenuCommand: () => () => undefined,
  },
};
const { sendEarly, transport } = await import('../../../renderer/api/transport');

test('an early read answers the first identical call, once; other calls go through', async () => {
  sendEarly('documents.page', { sort: 'importedAt', offset: 0, limit: 60 });
  assert.equal(calls.length, 1, 'sent at once');

  const first = await transport('documents.page', { sort: 'importedAt', offset: 0, limit: 60 });
  assert.deepEqual(first, { ok: true, result: { op: 'documents.page', n: 1 } });
  assert.equal(calls.length, 1, 'the early answer was used, nothing sent again');

  await transport('documents.page', { sort: 'importedAt', offset: 0, limit: 60 });
  assert.equal(calls.length, 2, 'a second identical call is sent: an early answer serves once');

  sendEarly('tags.list', {});
  await transport('documents.page', { sort: 'title', offset: 0, limit: 60 });
  assert.equal(calls.length, 4, 'different arguments are a different call');
  await transport('tags.list', {});
  assert.equal(calls.length, 4);
});
