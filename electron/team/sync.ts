// Sync with the team server: push the outbox, then pull everything after the last seen sequence number and apply
// it in the server's order. One sync at a time per project; a failure is kept as the link's last error and the
// outbox stays, so a copy that was offline catches up at its next sync.
import { GlossError } from '../../shared/errors.js';
import { MAX_OPS_PER_CALL, type TeamRole } from '../../shared/team.js';
import type { TeamStatus } from '../../shared/types.js';
import type { Db } from '../db/connection.js';
import {
  applyRemote,
  enqueueEverything,
  getTeamLink,
  linkTeam,
  noteSyncResult,
  outgoingBatch,
  pendingCount,
  settlePushed,
} from '../db/teamSync.js';
import { teamClient } from './client.js';

const PUSH_BYTES = 16 * 1024 * 1024;
const running = new WeakMap<Db, Promise<unknown>>();

/** Runs `work` after any sync already running on this project. */
function serialized<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const previous = running.get(db) ?? Promise.resolve();
  const next = previous.then(work, work);
  running.set(
    db,
    next.catch(() => undefined),
  );
  return next;
}

export function teamStatus(db: Db): TeamStatus {
  const link = getTeamLink(db);
  if (!link) return { linked: false };
  return {
    linked: true,
    url: link.url,
    member: link.member,
    members: link.members,
    pending: pendingCount(db),
    pulledSeq: link.pulledSeq,
    lastError: link.lastError,
    lastSyncAt: link.lastSyncAt,
  };
}

/** Links the project to a server (checking the token first); publishing also sends every synced row. */
export function linkProject(db: Db, url: string, token: string, publish: boolean): Promise<TeamStatus> {
  return serialized(db, async () => {
    if (getTeamLink(db)) throw new GlossError('conflict', 'This project is already linked to a team server.');
    const { member } = await teamClient(url, token).hello();
    if (publish && member.role === 'reader') {
      throw new GlossError('forbidden', 'A member with the reader role cannot publish a project.');
    }
    db.transaction(() => {
      linkTeam(db, url, token, member);
      if (publish) enqueueEverything(db);
    })();
    await syncNow(db);
    return teamStatus(db);
  });
}

export function syncTeam(db: Db): Promise<TeamStatus> {
  return serialized(db, async () => {
    if (!getTeamLink(db)) throw new GlossError('not_found', 'This project is not linked to a team server.');
    await syncNow(db);
    return teamStatus(db);
  });
}

/** The client for the project's team server; the project must be linked. */
function linkedClient(db: Db) {
  const link = getTeamLink(db);
  if (!link) throw new GlossError('not_found', 'This project is not linked to a team server.');
  return teamClient(link.url, link.token);
}

export async function inviteMember(db: Db, name: string, role: TeamRole) {
  const client = linkedClient(db);
  const invited = await client.invite(name, role);
  noteSyncResult(db, null, (await client.members()).members);
  return invited;
}

export async function withdrawMember(db: Db, memberId: number) {
  const { members } = await linkedClient(db).withdraw(memberId);
  noteSyncResult(db, null, members);
  return teamStatus(db);
}

async function syncNow(db: Db): Promise<void> {
  const link = getTeamLink(db)!;
  const client = teamClient(link.url, link.token);
  try {
    // A refused push (a reader's edits) does not stop the pull: the error is reported all the same.
    const pushError: unknown = await pushAll(db, client, link.clientId).then(
      () => undefined,
      (e: unknown) => e,
    );
    await pullAll(db, client, link.clientId);
    const { members } = await client.members();
    if (pushError) throw pushError;
    noteSyncResult(db, null, members);
  } catch (error) {
    noteSyncResult(db, error instanceof Error ? error.message : String(error));
  }
}

async function pushAll(db: Db, client: ReturnType<typeof teamClient>, clientId: string): Promise<void> {
  for (;;) {
    const batch = outgoingBatch(db, MAX_OPS_PER_CALL, PUSH_BYTES);
    if (batch.lastOutboxId === 0) return;
    const { seqs } = batch.ops.length ? await client.push({ clientId, ops: batch.ops }) : { seqs: [] };
    settlePushed(db, batch, seqs);
  }
}

async function pullAll(db: Db, client: ReturnType<typeof teamClient>, clientId: string): Promise<void> {
  for (;;) {
    const since = getTeamLink(db)!.pulledSeq;
    const { ops } = await client.pull(since);
    if (ops.length === 0) return;
    applyRemote(db, ops, clientId);
  }
}
