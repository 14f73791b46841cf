// The HTTP transport: the same dispatcher as Electron IPC, served on loopback only,
// with a random per-run token required on every API call.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { MAX_PAYLOAD_BYTES, type CallResponse, type ErrorBody } from '../../shared/api.js';
import { CONTENT_SECURITY_POLICY, TOKEN_HEADER } from '../../shared/security.js';
import type { Dispatch } from '../api/dispatch.js';

export interface HttpServerOptions {
  dispatch: Dispatch;
  /** Built renderer to serve at /, or none (API only). */
  staticDir?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  token?: string;
  host?: '127.0.0.1' | '::1';
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  /** URL that opens the workbench with the token (kept in the fragment, never sent to the server). */
  appUrl: string;
  /**
   * A one-time URL without the token, safe to put on a command line (other local users can read those):
   * its first visit redirects to appUrl; after that, or after a minute, it is refused.
   */
  /** A link that opens the workbench once, within `ttlMs` (default 60 s), without showing the token. */
  createLaunchUrl(ttlMs?: number): string;
  close(): Promise<void>;
}

const STATUS: Record<ErrorBody['code'], number> = {
  invalid_argument: 400,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unknown_operation: 404,
  internal: 500,
  unauthorized: 401,
  forbidden: 403,
  unavailable: 503,
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
};

export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const host = options.host ?? '127.0.0.1';
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[gloss] http error:', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'internal error' } });
      else res.destroy();
    });
  });
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const hostName = host === '::1' ? '[::1]' : host;
  const origin = `http://${hostName}:${port}`;
  const allowedHosts = new Set([`${hostName}:${port}`, `localhost:${port}`]);
  const allowedOrigins = new Set([origin, `http://localhost:${port}`]);

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    setCommonHeaders(res);
    // A page on another site, or a rebound DNS name, must not reach the API.
    if (!allowedHosts.has(req.headers.host ?? ''))
      return sendJson(res, 403, refusal('This server answers only on loopback.'));
    const requestOrigin = req.headers.origin;
    if (requestOrigin !== undefined && !allowedOrigins.has(requestOrigin)) {
      return sendJson(res, 403, refusal('Cross-origin requests are refused.'));
    }
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname.startsWith('/api/')) {
      const op = decodePathSegment(url.pathname.slice(5));
      if (op === null) return sendJson(res, 400, refusal('The operation name in the path is not validly %-encoded.'));
      return handleApi(req, res, op);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, refusal('Method not allowed.'));
    if (url.pathname.startsWith(LAUNCH_PREFIX)) return launch(res, url.pathname.slice(LAUNCH_PREFIX.length));
    return serveStatic(res, url.pathname);
  }

  const launchNonces = new Map<string, number>();

  function createLaunchUrl(ttlMs = LAUNCH_TTL_MS): string {
    const nonce = randomBytes(24).toString('base64url');
    launchNonces.set(nonce, Date.now() + ttlMs);
    return `${origin}${LAUNCH_PREFIX}${nonce}`;
  }

  function launch(res: http.ServerResponse, nonce: string): void {
    const expires = launchNonces.get(nonce);
    launchNonces.delete(nonce);
    if (expires === undefined || expires < Date.now()) {
      const message = 'This launch link was already used or has expired; restart Gloss for a new one.';
      return sendJson(res, 410, refusal(message));
    }
    res.writeHead(303, { location: `/#token=${token}`, 'cache-control': 'no-store' });
    res.end();
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, op: string): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, refusal('API calls are POST requests.'));
    if (!tokenMatches(req.headers[TOKEN_HEADER], token)) {
      return sendJson(res, 401, refusal('Missing or wrong token.'));
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, refusal('API calls send application/json.'));
    }
    const body = await readBody(req, MAX_PAYLOAD_BYTES + 4096);
    if (body === 'too_large') {
      return sendJson(
        res,
        413,
        {
          ok: false,
          error: { code: 'too_large', message: `Request larger than ${MAX_PAYLOAD_BYTES / 1048576} MB refused.` },
        },
        true,
      );
    }
    let args: unknown;
    try {
      args = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      return sendJson(res, 400, {
        ok: false,
        error: { code: 'invalid_argument', message: `${op}: the request body is not valid JSON.` },
      });
    }
    const response = await options.dispatch(op, args);
    sendJson(res, response.ok ? 200 : STATUS[response.error.code], response);
  }

  function serveStatic(res: http.ServerResponse, pathname: string): void {
    if (!options.staticDir) return sendJson(res, 404, refusal('Not found.'));
    const root = path.resolve(options.staticDir);
    const requested = path.resolve(root, `.${path.posix.normalize(pathname === '/' ? '/index.html' : pathname)}`);
    const file =
      requested.startsWith(root + path.sep) && fs.existsSync(requested) && fs.statSync(requested).isFile()
        ? requested
        : path.join(root, 'index.html');
    if (!fs.existsSync(file)) return sendJson(res, 404, refusal('The renderer is not built; run npm run build.'));
    res.writeHead(200, {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    fs.createReadStream(file).pipe(res);
  }

  return {
    url: origin,
    port,
    token,
    appUrl: `${origin}/#token=${token}`,
    createLaunchUrl,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const LAUNCH_PREFIX = '/launch/';
const LAUNCH_TTL_MS = 60_000;

function decodePathSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function setCommonHeaders(res: http.ServerResponse): void {
  res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('cross-origin-opener-policy', 'same-origin');
  res.setHeader('cross-origin-resource-policy', 'same-origin');
}

function tokenMatches(header: string | string[] | undefined, token: string): boolean {
  if (typeof header !== 'string') return false;
  const a = Buffer.from(header);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      resolve('too_large');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        req.resume();
        resolve('too_large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) {
        done = true;
        resolve(Buffer.concat(chunks));
      }
    });
    req.on('error', reject);
  });
}

function refusal(message: string): CallResponse {
  return { ok: false, error: { code: 'invalid_argument', message } };
}

function sendJson(res: http.ServerResponse, status: number, body: CallResponse, closeConnection = false): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...(closeConnection ? { connection: 'close' } : {}),
  });
  res.end(text);
}
