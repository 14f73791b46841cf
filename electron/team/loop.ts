// The background sync: every few seconds, whichever project is open syncs if it is linked. The timer does not keep
// the process alive, and a sync already running is waited for rather than doubled (see sync.ts).
import { getTeamLink } from '../db/teamSync.js';
import type { Workspace } from '../project/workspace.js';
import { syncTeam } from './sync.js';

export const SYNC_INTERVAL_MS = 5000;
const loops = new WeakSet<Workspace>();

export function ensureSyncLoop(ws: Workspace): void {
  if (loops.has(ws) || process.env.GLOSS_TEAM_SYNC === 'manual') return;
  loops.add(ws);
  const timer = setInterval(() => {
    try {
      const db = ws.project.db;
      if (db.open && getTeamLink(db)) void syncTeam(db).catch(() => undefined);
    } catch {
      // the project is closing; the next tick sees the next one
    }
  }, SYNC_INTERVAL_MS);
  timer.unref();
}
