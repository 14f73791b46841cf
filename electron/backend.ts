// Everything behind the API, with no Electron in it: workspace (open project), handlers, dispatcher.
// Electron's main process, the browser-mode server and the tests all start Gloss through here.
import { createDispatcher, type Dispatch } from './api/dispatch.js';
import { createHandlers, type HandlerServices } from './api/handlers.js';
import { openWorkspace, type Workspace, type WorkspaceOptions } from './project/workspace.js';

export interface Backend {
  workspace: Workspace;
  dispatch: Dispatch;
  close(): void;
}

export async function createBackend(options: WorkspaceOptions, services: HandlerServices = {}): Promise<Backend> {
  const workspace = await openWorkspace(options);
  const dispatch = createDispatcher(createHandlers(workspace, services), () => workspace.project.db);
  return { workspace, dispatch, close: () => workspace.close() };
}
