// The team server's HTTP service: a bearer token per member, roles enforced per route, every body validated against
// shared/team.ts, every failure answered as shared/errors.ts's ErrorBody.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { z } from 'zod';
import { GlossError, type ErrorBody } from '../../shared/errors.js';
import {
  inviteRequest,
  withdrawRequest,
  pullQuery,
  plainPushRequest,
  pushRequest,
  ROLE_MAY,
  type HelloResponse,
  type InviteResponse,
  type PullResponse,
  type PushResponse,
  type TeamMember,
} from '../../shared/team.js';
import type { TeamStore } from '../db/team/store.js';

/** A push of 5,000 operations with document texts can be large; beyond this the client splits it. */
const MAX_BODY_BYTES = 128 * 1024 * 1024;

const STATUS: Record<string, number> = {
  invalid_argument: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  too_large: 413,
};

export interface TeamServer {
  url: string;
  close(): Promise<void>;
}

export async function startTeamServer(store: TeamStore, options: { port?: number; host?: string } = {}) {
  const server = http.createServer((req, res) => {
    void respond(store, req).then(
      (body) => send(res, 200, body),
      (error: unknown) => {
        const body = errorBody(error);
        send(res, STATUS[body.code] ?? 500, body);
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  } satisfies TeamServer;
}

async function respond(store: TeamStore, req: http.IncomingMessage): Promise<unknown> {
  const member = await authenticate(store, req);
  const url = new URL(req.url ?? '/', 'http://team');
  const route = `${req.method} ${url.pathname}`;
  switch (route) {
    case 'GET /v1/hello':
      return { member, head: await store.head() } satisfies HelloResponse;
    case 'GET /v1/members':
      return { members: await store.members() };
    case 'POST /v1/members': {
      allow(member, 'invite');
      const { name, role } = parse(inviteRequest, await readJson(req));
      return (await store.addMember(name, role)) satisfies InviteResponse;
    }
    case 'POST /v1/members/withdraw': {
      allow(member, 'invite');
      const { memberId } = parse(withdrawRequest, await readJson(req));
      if (memberId === member.id) throw new GlossError('invalid_argument', 'An owner cannot withdraw themselves.');
      if (!(await store.withdrawMember(memberId))) {
        throw new GlossError('not_found', 'No such member on this team server.');
      }
      return { members: await store.members() };
    }
    case 'POST /v1/ops': {
      allow(member, 'write');
      const body = await readJson(req);
      const { clientId, ops } = plainPushRequest(body) ?? parse(pushRequest, body);
      if (ops.length === 0) return { seqs: [], head: await store.head() } satisfies PushResponse;
      return (await store.push(member.id, clientId, ops)) satisfies PushResponse;
    }
    case 'GET /v1/ops': {
      const { since, limit } = parse(pullQuery, Object.fromEntries(url.searchParams));
      const ops = await store.pull(since, limit);
      return { ops, head: await store.head() } satisfies PullResponse;
    }
    default:
      throw new GlossError('not_found', `No such route: ${route}.`);
  }
}

async function authenticate(store: TeamStore, req: http.IncomingMessage): Promise<TeamMember> {
  const match = /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(req.headers.authorization ?? '');
  const member = match ? await store.memberByToken(match[1]!) : undefined;
  if (!member) throw new GlossError('unauthorized', 'The team server does not know this token.');
  return member;
}

function allow(member: TeamMember, what: 'write' | 'invite'): void {
  if (!ROLE_MAY[member.role][what]) {
    throw new GlossError('forbidden', `A member with the ${member.role} role may not ${what}.`);
  }
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new GlossError('invalid_argument', parsed.error.issues[0]?.message ?? 'invalid request');
  return parsed.data;
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new GlossError('too_large', 'The request is too large.');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new GlossError('invalid_argument', 'The request body is not JSON.');
  }
}

function errorBody(error: unknown): ErrorBody {
  if (error instanceof GlossError) return { code: error.code, message: error.message };
  console.error('team server:', error);
  return { code: 'internal', message: 'The team server failed; see its log.' };
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
