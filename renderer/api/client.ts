// The renderer's one client. It does not care which transport carries it: Electron IPC through the
// preload's window.gloss, or the local HTTP transport in browser mode (token from the URL fragment).
// Every write's changes reach the store before the caller sees the result.
import { createClient, type GlossClient, type Transport } from '../../shared/client';
import type { CallResponse } from '../../shared/errors';
import { TOKEN_HEADER } from '../../shared/security';
import { Store } from '../store/store';

interface PreloadBridge {
  transport: 'ipc';
  call(op: string, args: unknown): Promise<CallResponse>;
  onMenuCommand(listener: (command: string) => void): () => void;
}

declare global {
  interface Window {
    gloss?: PreloadBridge;
  }
}

const TOKEN_KEY = 'gloss.token';

function httpTransport(): Transport {
  const fromHash = /(?:^#|&)token=([^&]+)/.exec(window.location.hash)?.[1];
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  return async (op, args) => {
    const response = await fetch(`/api/${encodeURIComponent(op)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
      body: JSON.stringify(args),
    });
    try {
      return (await response.json()) as CallResponse;
    } catch {
      return {
        ok: false,
        error: { code: 'internal', message: `The server answered ${response.status} without a readable body.` },
      };
    }
  };
}

export function transportName(): 'ipc' | 'http' {
  return window.gloss ? 'ipc' : 'http';
}

export function onMenuCommand(listener: (command: string) => void): () => void {
  return window.gloss?.onMenuCommand(listener) ?? (() => undefined);
}

export const store = new Store();

export const client: GlossClient = createClient(
  window.gloss ? (op, args) => window.gloss!.call(op, args) : httpTransport(),
  (changes) => store.apply(changes),
);
store.attach(client);
