// The team server's wire contract (issue 15): what a desktop pushes and pulls, members and roles. The server and
// the desktop's sync client both validate against these schemas; errors are shared/errors.ts's ErrorBody.
import { z } from 'zod';

export const TEAM_ROLES = ['owner', 'coder', 'reader'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
export const teamRole = z.enum(TEAM_ROLES);

/** Tables whose rows travel between team members, in the order publishing sends them (references first). */
export const SYNCED_TABLES = [
  'coders',
  'collections',
  'original_files',
  'documents',
  'document_structure',
  'document_originals',
  'tags',
  'highlights',
  'highlight_regions',
  'highlight_tags',
  'notes',
  'attribute_definitions',
  'document_attributes',
  'document_grades',
  'highlight_grades',
  'memos',
  'agreement_decisions',
] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

/** Most operations one push or one pull page carries. */
export const MAX_OPS_PER_CALL = 5000;

/** Lengths (in UTF-16 units, as zod counts) that teamOp and the server's fast check both hold to. */
const MAX = { fieldValue: 64 * 1024 * 1024, fieldName: 64, guid: 200, author: 200, at: 40 };

const fieldValue = z.union([z.string().max(MAX.fieldValue), z.number(), z.boolean(), z.null()]);

/**
 * One change to one row: an upsert carries the fields that changed (all of them for a new row); foreign keys travel
 * as guids.
 */
export const teamOp = z
  .object({
    uuid: z.uuid(),
    tbl: z.enum(SYNCED_TABLES),
    guid: z.string().min(1).max(MAX.guid),
    kind: z.enum(['upsert', 'delete']),
    fields: z.record(z.string().max(MAX.fieldName), fieldValue),
    author: z.string().max(MAX.author),
    at: z.string().max(MAX.at),
  })
  .strict();
export type TeamOp = z.infer<typeof teamOp>;

/** An operation as the server ordered it. */
export const serverOp = teamOp.extend({ seq: z.number().int().positive(), clientId: z.uuid() });
export type ServerOp = z.infer<typeof serverOp>;

export const pushRequest = z.object({ clientId: z.uuid(), ops: z.array(teamOp).max(MAX_OPS_PER_CALL) }).strict();
export type PushRequest = z.infer<typeof pushRequest>;

const UUID = z.regexes.uuid();
const OP_KEYS = new Set(Object.keys(teamOp.shape));
const isJsonObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
const isUuid = (v: unknown) => typeof v === 'string' && UUID.test(v);
const isString = (v: unknown, min: number, max: number) => typeof v === 'string' && v.length >= min && v.length <= max;
const hasOnly = (v: Record<string, unknown>, keys: Set<string>) => {
  const own = Object.keys(v);
  return own.length === keys.size && own.every((k) => keys.has(k));
};

function isFieldValue(v: unknown): boolean {
  if (typeof v === 'string') return v.length <= MAX.fieldValue;
  return v === null || typeof v === 'boolean' || Number.isFinite(v);
}

/** The fields zod passes unchanged: it drops a `__proto__` key, so such fields are left to zod. */
function isPlainFields(v: unknown): boolean {
  if (!isJsonObject(v)) return false;
  for (const key of Object.keys(v)) {
    if (key.length > MAX.fieldName || key === '__proto__' || !isFieldValue(v[key])) return false;
  }
  return true;
}

function isPlainOp(v: unknown): boolean {
  return (
    isJsonObject(v) &&
    hasOnly(v, OP_KEYS) &&
    isUuid(v.uuid) &&
    (SYNCED_TABLES as readonly unknown[]).includes(v.tbl) &&
    isString(v.guid, 1, MAX.guid) &&
    (v.kind === 'upsert' || v.kind === 'delete') &&
    isPlainFields(v.fields) &&
    isString(v.author, 0, MAX.author) &&
    isString(v.at, 0, MAX.at)
  );
}

const PUSH_KEYS = new Set(['clientId', 'ops']);

/** Every element, holes included (`every` would skip a hole, where zod sees undefined). */
function allPlainOps(ops: unknown[]): boolean {
  for (let i = 0; i < ops.length; i++) if (!isPlainOp(ops[i])) return false;
  return true;
}

/**
 * A push body (from JSON.parse) that pushRequest certainly accepts as it is, checked about ten times faster than
 * zod does it; undefined leaves the body to pushRequest, which accepts or words the refusal. Never accepts what
 * pushRequest refuses (tests/unit/team-push-check.test.ts).
 */
export function plainPushRequest(v: unknown): PushRequest | undefined {
  const plain =
    isJsonObject(v) &&
    hasOnly(v, PUSH_KEYS) &&
    isUuid(v.clientId) &&
    Array.isArray(v.ops) &&
    v.ops.length <= MAX_OPS_PER_CALL &&
    allPlainOps(v.ops);
  return plain ? (v as PushRequest) : undefined;
}

export const pushResponse = z.object({
  seqs: z.array(z.object({ uuid: z.uuid(), seq: z.number().int().positive() })),
  head: z.number().int().nonnegative(),
});
export type PushResponse = z.infer<typeof pushResponse>;

export const pullQuery = z.object({
  since: z.coerce.number().int().nonnegative(),
  limit: z.coerce.number().int().positive().max(MAX_OPS_PER_CALL).default(MAX_OPS_PER_CALL),
});

export const pullResponse = z.object({ ops: z.array(serverOp), head: z.number().int().nonnegative() });
export type PullResponse = z.infer<typeof pullResponse>;

export const teamMember = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  role: teamRole,
  createdAt: z.string(),
});
export type TeamMember = z.infer<typeof teamMember>;

export const helloResponse = z.object({ member: teamMember, head: z.number().int().nonnegative() });
export type HelloResponse = z.infer<typeof helloResponse>;

export const inviteRequest = z.object({ name: z.string().trim().min(1).max(200), role: teamRole }).strict();
export const inviteResponse = z.object({ member: teamMember, token: z.string() });
export type InviteResponse = z.infer<typeof inviteResponse>;

export const membersResponse = z.object({ members: z.array(teamMember) });

/** An owner withdraws a member: their token stops working at once; their edits stay in the log. */
export const withdrawRequest = z.object({ memberId: z.number().int().positive() }).strict();

/** What each role may do on the server. */
export const ROLE_MAY: Record<TeamRole, { write: boolean; invite: boolean }> = {
  // Inviting and withdrawing members go together: both are the owner's.
  owner: { write: true, invite: true },
  coder: { write: true, invite: false },
  reader: { write: false, invite: false },
};
