// HTTP calls to a team server, validated against shared/team.ts. A server that cannot be reached is 'unavailable'
// (the edits wait in the outbox); a refusal comes back as the server's own error.
import { z } from 'zod';
import { GlossError, type ErrorCode } from '../../shared/errors.js';
import {
  helloResponse,
  inviteResponse,
  membersResponse,
  pullResponse,
  pushResponse,
  type PushRequest,
  type TeamRole,
} from '../../shared/team.js';

const errorBody = z.object({ code: z.string(), message: z.string() });

export interface TeamClient {
  hello(): Promise<z.infer<typeof helloResponse>>;
  members(): Promise<z.infer<typeof membersResponse>>;
  invite(name: string, role: TeamRole): Promise<z.infer<typeof inviteResponse>>;
  withdraw(memberId: number): Promise<z.infer<typeof membersResponse>>;
  push(request: PushRequest): Promise<z.infer<typeof pushResponse>>;
  pull(since: number): Promise<z.infer<typeof pullResponse>>;
}

export function teamClient(baseUrl: string, token: string): TeamClient {
  const call = async <S extends z.ZodType>(schema: S, path: string, body?: unknown): Promise<z.infer<S>> => {
    let response: Response;
    try {
      response = await fetch(new URL(path, baseUrl), {
        method: body === undefined ? 'GET' : 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(60_000),
      });
    } catch (error) {
      throw new GlossError('unavailable', `The team server at ${baseUrl} cannot be reached (${reason(error)}).`);
    }
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const parsed = errorBody.safeParse(json);
      if (parsed.success) throw new GlossError(parsed.data.code as ErrorCode, parsed.data.message);
      throw new GlossError('unavailable', `The team server answered ${response.status}.`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new GlossError('internal', 'The team server sent an answer Gloss does not understand.');
    return parsed.data;
  };
  return {
    hello: () => call(helloResponse, '/v1/hello'),
    members: () => call(membersResponse, '/v1/members'),
    invite: (name, role) => call(inviteResponse, '/v1/members', { name, role }),
    withdraw: (memberId) => call(membersResponse, '/v1/members/withdraw', { memberId }),
    push: (request) => call(pushResponse, '/v1/ops', request),
    pull: (since) => call(pullResponse, `/v1/ops?since=${since}`),
  };
}

function reason(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? (error instanceof Error ? error.message : String(error));
}
