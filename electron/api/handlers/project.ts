import { describeProject } from '../../project/project.js';
import type { Workspace } from '../../project/workspace.js';
import type { HandlerGroup } from '../types.js';

export function projectHandlers(ws: Workspace): HandlerGroup<'project.info' | 'project.open' | 'project.create'> {
  const info = () => describeProject(ws.project, ws.recent());
  return {
    'project.info': info,
    'project.open': async ({ path }) => {
      await ws.open(path);
      return info();
    },
    'project.create': async ({ path }) => {
      await ws.create(path);
      return info();
    },
  };
}
