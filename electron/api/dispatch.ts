// The single entry point both transports call: validate against the contract, run the handler,
// and turn every failure into a clear ErrorBody instead of an exception crossing the boundary.
import type { z } from 'zod';
import { api, GlossError, isOpName, type CallResponse, type ErrorBody } from '../../shared/api.js';
import type { Db } from '../db/connection.js';
import { journalMark, touchedSince } from '../db/oplog.js';
import { describeChanges } from './changes.js';
import type { Handlers } from './types.js';

export type Dispatch = (op: unknown, args: unknown) => Promise<CallResponse>;

/** `database` is the open project's connection at the time of a call (it changes when another project is opened). */
export function createDispatcher(
  handlers: Handlers,
  database: () => Db,
  log: (e: unknown) => void = defaultLog,
): Dispatch {
  return async (op, rawArgs) => {
    if (typeof op !== 'string' || !isOpName(op)) {
      return failure('unknown_operation', `There is no operation called ${JSON.stringify(op)?.slice(0, 80)}.`);
    }
    const parsed = api[op].args.safeParse(rawArgs);
    if (!parsed.success) return failure('invalid_argument', `${op}: ${describeIssues(parsed.error)}`);
    try {
      const handler = handlers[op] as (args: unknown) => unknown;
      const db = database();
      const mark = journalMark(db);
      const result = await handler(parsed.data);
      const touched = db === database() ? touchedSince(db, mark) : [];
      return touched.length ? { ok: true, result, changes: describeChanges(db, touched) } : { ok: true, result };
    } catch (error) {
      return { ok: false, error: toErrorBody(error, op, log) };
    }
  };
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const where = issue.path.length ? issue.path.join('.') : 'arguments';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

function toErrorBody(error: unknown, op: string, log: (e: unknown) => void): ErrorBody {
  if (error instanceof GlossError) return { code: error.code, message: error.message };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'conflict', message: `${op}: ${constraintMessage(error as Error)}` };
  }
  log(error);
  return { code: 'internal', message: `${op} failed: ${(error as Error)?.message ?? String(error)}` };
}

function constraintMessage(error: Error): string {
  if (/UNIQUE constraint failed: tags\.name/.test(error.message)) return 'a tag with that name already exists.';
  if (/UNIQUE constraint failed: collections\.name/.test(error.message))
    return 'a collection with that name already exists.';
  if (/FOREIGN KEY/.test(error.message)) return 'it refers to something that does not exist.';
  return error.message;
}

function failure(code: ErrorBody['code'], message: string): CallResponse {
  return { ok: false, error: { code, message } };
}

function defaultLog(error: unknown): void {
  console.error('[gloss] handler error:', error);
}
