// Application menu: each item names a command of the renderer's registry (renderer/commands), which runs it
// exactly as its shortcut, button or palette entry would. Accelerators are shown but not registered with the
// system, so the renderer's one keyboard listener decides (Ctrl+Z in a text field stays the field's own undo).
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

export type MenuCommand =
  | 'import.files'
  | 'import.folder'
  | 'view.reader'
  | 'view.themes'
  | 'view.memos'
  | 'view.analysis'
  | 'view.claims'
  | 'view.memoIndex'
  | 'view.entities'
  | 'view.timeline'
  | 'view.agreement'
  | 'agreement.queue'
  | 'search.focus'
  | 'history.undo'
  | 'history.redo'
  | 'memo.export'
  | 'palette.open'
  | 'document.delete'
  | 'exchange.importProject'
  | 'exchange.importCodebook'
  | 'exchange.exportProject'
  | 'exchange.exportCodebook';

export function buildMenu(
  window: BrowserWindow,
  openProjectDialog: (mode: 'new' | 'open') => void,
  recent: () => string[],
  openRecent: (file: string) => void,
): Menu {
  const send = (command: MenuCommand) => () => window.webContents.send('gloss:menu', command);
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    registerAccelerator: false,
    click: send(command),
  });
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
        item('Import Files…', 'import.files', 'CmdOrCtrl+I'),
        item('Import Folder…', 'import.folder'),
        item('Import REFI-QDA Project (.qdpx)…', 'exchange.importProject'),
        item('Import REFI-QDA Codebook (.qdc)…', 'exchange.importCodebook'),
        item('Export REFI-QDA Project (.qdpx)…', 'exchange.exportProject'),
        item('Export REFI-QDA Codebook (.qdc)…', 'exchange.exportCodebook'),
        item('Export Memo…', 'memo.export', 'CmdOrCtrl+E'),
        { type: 'separator' },
        item('Delete Open Document', 'document.delete'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        item('Undo', 'history.undo', 'CmdOrCtrl+Z'),
        item('Redo', 'history.redo', 'CmdOrCtrl+Shift+Z'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        item('Find in Project', 'search.focus', 'CmdOrCtrl+F'),
        item('All Commands…', 'palette.open', 'CmdOrCtrl+K'),
      ],
    },
    {
      label: 'View',
      submenu: [
        item('Reader', 'view.reader', 'CmdOrCtrl+1'),
        item('Themes', 'view.themes', 'CmdOrCtrl+2'),
        item('Memos', 'view.memos', 'CmdOrCtrl+3'),
        item('Analysis', 'view.analysis', 'CmdOrCtrl+4'),
        item('Claims', 'view.claims', 'CmdOrCtrl+5'),
        item('Memo Index', 'view.memoIndex', 'CmdOrCtrl+6'),
        item('Entities', 'view.entities', 'CmdOrCtrl+7'),
        item('Timeline', 'view.timeline', 'CmdOrCtrl+8'),
        item('Agreement', 'view.agreement', 'CmdOrCtrl+9'),
        item('Disagreements', 'agreement.queue', 'CmdOrCtrl+Shift+9'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'togglefullscreen' },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
