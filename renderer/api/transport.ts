// How the renderer reaches the main process: Electron IPC through the preload's window.gloss, or the local HTTP
// transport in browser mode (token from the URL fragment, then session storage). Also the reads the first screen
// waits for, which boot.ts sends before the app's own code has loaded: the answer of such an early read is handed,
// once, to the first call that asks the same thing.
import type { OpName } from '../../shared/api';
import type { Transport } from '../../shared/client';
import type { CallResponse } from '../../shared/errors';
import { TOKEN_HEADER } from '../../shared/security';

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
/** An early read not asked for by then is dropped: past start-up, a read must see the project as it is. */
const EARLY_READ_LIFETIME_MS = 10_000;

const early = new Map<string, Promise<CallResponse>>();
let base: Transport | null = null;

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

function baseTransport(): Transport {
  base ??= window.gloss ? (op, args) => window.gloss!.call(op, args) : httpTransport();
  return base;
}

const keyOf = (op: OpName, args: unknown) => `${op} ${JSON.stringify(args)}`;

/** Sends a read now, for the first screen; only reads go early (a write must never be sent twice or unasked). */
export function sendEarly(op: OpName, args: unknown): void {
  const key = keyOf(op, args);
  early.set(key, baseTransport()(op, args));
  setTimeout(() => early.delete(key), EARLY_READ_LIFETIME_MS);
}

/** The transport the client uses: an early read's answer if one is waiting for exactly this call, else a new call. */
export const transport: Transport = (op, args) => {
  if (early.size) {
    const key = keyOf(op, args);
    const answer = early.get(key);
    if (answer) {
      early.delete(key);
      return answer;
    }
  }
  return baseTransport()(op, args);
};

export function transportName(): 'ipc' | 'http' {
  return window.gloss ? 'ipc' : 'http';
}

export function onMenuCommand(listener: (command: string) => void): () => void {
  return window.gloss?.onMenuCommand(listener) ?? (() => undefined);
}
