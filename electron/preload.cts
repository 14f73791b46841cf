// Sandboxed preload (CommonJS, no Node): exposes one narrow function to the renderer.
// Arguments are validated in the main process, never trusted here.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

const MENU_CHANNEL = 'gloss:menu';

contextBridge.exposeInMainWorld('gloss', {
  transport: 'ipc',
  call: (op: string, args: unknown) => ipcRenderer.invoke('gloss:call', op, args),
  onMenuCommand: (listener: (command: string) => void) => {
    const wrapped = (_event: IpcRendererEvent, command: string) => listener(command);
    ipcRenderer.on(MENU_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(MENU_CHANNEL, wrapped);
  },
});
