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

const fieldValue = z.union([z.string().max(64 * 1024 * 1024), z.number(), z.boolean(), z.null()]);

/**
 * One change to one row: an upsert carries the fields that changed (all of them for a new row); foreign keys travel
 * as guids.
 */
export const teamOp = z
  .object({
    uuid: z.uuid(),
    tbl: z.enum(SYNCED_TABLES),
    guid: z.string().min(1).max(200),
    kind: z.enum(['upsert', 'delete']),
    fields: z.record(z.string().max(64), fieldValue),
    author: z.string().max(200),
    at: z.string().max(40),
  })
  .strict();
export type TeamOp = z.infer<typeof teamOp>;

/** An operation as the server ordered it. */
export const serverOp = teamOp.extend({ seq: z.number().int().positive(), clientId: z.uuid() });
export type ServerOp = z.infer<typeof serverOp>;

export const pushRequest = z.object({ clientId: z.uuid(), ops: z.array(teamOp).max(MAX_OPS_PER_CALL) }).strict();
export type PushRequest = z.infer<typeof pushRequest>;

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
