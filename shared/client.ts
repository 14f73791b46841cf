// The typed client over any transport. It imports the contract for its types only, so the renderer's bundle
// carries no schema library: validation happens in the main process, where the data is used.
import type { ArgsOf, OpName, ResultOf } from './api.js';
import { GlossError, type CallResponse } from './errors.js';
import type { ChangeSet } from './types.js';

/** The typed API the renderer uses, whatever carries it. */
export type GlossClient = { [K in OpName]: (args: ArgsOf<K>) => Promise<ResultOf<K>> };

/** One function that sends an operation and returns the raw response. */
export type Transport = (op: OpName, args: unknown) => Promise<CallResponse>;

/** `onChanges` sees every write's changes before the caller gets its result. */
export function createClient(transport: Transport, onChanges?: (changes: ChangeSet) => void): GlossClient {
  const call = async (name: OpName, args: unknown) => {
    const response = await transport(name, args ?? {});
    if (!response.ok) throw new GlossError(response.error.code, response.error.message);
    if (response.changes && onChanges) onChanges(response.changes);
    return response.result;
  };
  return new Proxy(
    {},
    {
      get: (_target, name) =>
        typeof name === 'string' && name !== 'then' ? (args: unknown) => call(name as OpName, args) : undefined,
    },
  ) as GlossClient;
}
