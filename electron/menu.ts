// Application menu: commands are forwarded to the renderer, which owns the UI state.
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

export type MenuCommand =
  | 'project:new' | 'project:open' | 'import:files' | 'import:folder' | 'view:library' | 'view:themes'
  | 'view:memos' | 'search:focus' | 'edit:undo' | 'edit:redo' | 'export:memo';

export function buildMenu(window: BrowserWindow, openProjectDialog: (mode: 'new' | 'open') => void,
  recent: () => string[], openRecent: (file: string) => void): Menu {
  const send = (command: MenuCommand) => () => window.webContents.send('gloss:menu', command);
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Project…', accelerator: 'CmdOrCtrl+Shift+N', click: () => openProjectDialog('new') },
        { label: 'Open Project…', accelerator: 'CmdOrCtrl+O', click: () => openProjectDialog('open') },
        { label: 'Open Recent', submenu: recent().map((file) => ({ label: file, click: () => openRecent(file) })) },
        { type: 'separator' },
        { label: 'Import Files…', accelerator: 'CmdOrCtrl+I', click: send('import:files') },
        { label: 'Import Folder…', click: send('import:folder') },
        { label: 'Export Memo…', accelerator: 'CmdOrCtrl+E', click: send('export:memo') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: send('edit:undo') },
        { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', click: send('edit:redo') },
        { type: 'separator' },
        { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Find in Project', accelerator: 'CmdOrCtrl+F', click: send('search:focus') },
      ],
    },
    {
      label: 'View',
      submenu: [
        { label: 'Library', accelerator: 'CmdOrCtrl+1', click: send('view:library') },
        { label: 'Themes', accelerator: 'CmdOrCtrl+2', click: send('view:themes') },
        { label: 'Memos', accelerator: 'CmdOrCtrl+3', click: send('view:memos') },
        { type: 'separator' },
        { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { role: 'togglefullscreen' },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
