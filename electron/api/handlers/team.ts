import type { Workspace } from '../../project/workspace.js';
import { inviteMember, linkProject, syncTeam, teamStatus, withdrawMember } from '../../team/sync.js';
import { ensureSyncLoop } from '../../team/loop.js';
import type { HandlerGroup } from '../types.js';

export function teamHandlers(
  ws: Workspace,
): HandlerGroup<'team.publish' | 'team.join' | 'team.status' | 'team.sync' | 'team.invite' | 'team.withdraw'> {
  const db = () => ws.project.db;
  return {
    'team.publish': async ({ url, token }) => {
      const status = await linkProject(db(), url, token, true);
      ensureSyncLoop(ws);
      return status;
    },
    'team.join': async ({ url, token }) => {
      const status = await linkProject(db(), url, token, false);
      ensureSyncLoop(ws);
      return status;
    },
    'team.status': () => {
      ensureSyncLoop(ws);
      return teamStatus(db());
    },
    'team.sync': () => syncTeam(db()),
    'team.invite': ({ name, role }) => inviteMember(db(), name, role),
    'team.withdraw': ({ memberId }) => withdrawMember(db(), memberId),
  };
}
