import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, test } from 'node:test';
import { startHttpServer, type RunningServer } from '../../electron/server/http.js';
import { MAX_PAYLOAD_BYTES } from '../../shared/api.js';
import { TOKEN_HEADER } from '../../shared/security.js';
import { startBackend, type TestBackend } from '../support/backend.js';

let backend: TestBackend;
let server: RunningServer;
before(async () => {
  backend = await startBackend();
  server = await startHttpServer({ dispatch: backend.dispatch });
});
after(async () => {
  await server.close();
  backend.close();
});

interface Reply {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies are checked field by field in each test
  body: any;
}

function request(
  path: string,
  options: { token?: string | null; body?: string | Buffer; headers?: Record<string, string>; method?: string } = {},
): Promise<Reply> {
  const body = options.body ?? '{}';
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${server.url}${path}`,
      {
        method: options.method ?? 'POST',
        headers: {
          'content-type': 'application/json',
          ...(options.token === null ? {} : { [TOKEN_HEADER]: options.token ?? server.token }),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          resolve({ status: res.statusCode!, body: text.startsWith('{') ? JSON.parse(text) : text });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

test('the server listens on loopback only, on a random port', () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.notEqual(server.port, 0);
  assert.ok(server.token.length >= 32);
});

test('a call with the token succeeds', async () => {
  const reply = await request('/api/documents.list');
  assert.equal(reply.status, 200);
  assert.equal(reply.body.ok, true);
  assert.equal(reply.body.result.length, 5);
});

test('a call without the token, or with a wrong one, is refused', async () => {
  assert.equal((await request('/api/documents.list', { token: null })).status, 401);
  const wrong = await request('/api/documents.list', { token: 'x'.repeat(server.token.length) });
  assert.equal(wrong.status, 401);
  assert.equal(wrong.body.ok, false);
  assert.equal((await request('/api/documents.list', { token: '' })).status, 401);
});

test('cross-origin requests and foreign Host headers are refused', async () => {
  assert.equal((await request('/api/documents.list', { headers: { origin: 'https://evil.example' } })).status, 403);
  assert.equal((await request('/api/documents.list', { headers: { host: 'evil.example' } })).status, 403);
  assert.equal((await request('/api/documents.list', { headers: { origin: server.url } })).status, 200);
});

test('only JSON POSTs reach the API', async () => {
  assert.equal((await request('/api/documents.list', { headers: { 'content-type': 'text/plain' } })).status, 415);
  assert.equal((await request('/api/documents.list', { method: 'GET', body: '' })).status, 405);
  const broken = await request('/api/documents.list', { body: '{not json' });
  assert.equal(broken.status, 400);
  assert.match(broken.body.error.message, /not valid JSON/);
});

test('malformed arguments get a 400 with the reason', async () => {
  const reply = await request('/api/documents.get', { body: JSON.stringify({ id: 'abc' }) });
  assert.equal(reply.status, 400);
  assert.equal(reply.body.error.code, 'invalid_argument');
  assert.match(reply.body.error.message, /^documents\.get: id:/);
});

test('an oversized payload is refused with 413 and the server keeps serving', async () => {
  const big = Buffer.alloc(MAX_PAYLOAD_BYTES + 10_000, 0x61);
  const reply = await request('/api/documents.import', { body: big }).catch((e: Error) => ({
    status: 413,
    body: String(e),
  }));
  assert.equal(reply.status, 413);
  assert.equal((await request('/api/project.info')).status, 200);
});

test('responses carry the strict Content-Security-Policy', async () => {
  const headers = await new Promise<http.IncomingHttpHeaders>((resolve) => {
    http.get(`${server.url}/`, (res) => {
      res.resume();
      resolve(res.headers);
    });
  });
  assert.match(String(headers['content-security-policy']), /script-src 'self'/);
  assert.match(String(headers['content-security-policy']), /default-src 'none'/);
});

test('a malformed %-escape in an API path gets a 400, not a 500', async () => {
  for (const bad of ['/api/%E0%A4%A', '/api/%', '/api/documents.%ZZlist']) {
    const reply = await request(bad);
    assert.equal(reply.status, 400, bad);
    assert.equal(reply.body.ok, false);
  }
});

test('a launch URL carries no token, redirects to the token once, then is refused', async () => {
  const launchUrl = server.createLaunchUrl();
  assert.ok(!launchUrl.includes(server.token));
  const visit = () =>
    new Promise<{ status: number; location?: string }>((resolve, reject) => {
      http
        .get(launchUrl, (res) => {
          res.resume();
          resolve({ status: res.statusCode!, location: res.headers.location });
        })
        .on('error', reject);
    });
  const first = await visit();
  assert.equal(first.status, 303);
  assert.equal(first.location, `/#token=${server.token}`);
  assert.equal((await visit()).status, 410, 'a second visit (another local user replaying it) is refused');
  const guessed = await new Promise<number>((resolve) => {
    http.get(`${server.url}/launch/guess`, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
  });
  assert.equal(guessed, 410);
});
