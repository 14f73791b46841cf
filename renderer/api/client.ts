// The renderer's one client. It does not care which transport carries it (renderer/api/transport.ts).
// Every write's changes reach the store before the caller sees the result.
import { createClient, type GlossClient } from '../../shared/client';
import { Store } from '../store/store';
import { transport } from './transport';

export { onMenuCommand, transportName } from './transport';

export const store = new Store();

export const client: GlossClient = createClient(transport, (changes) => store.apply(changes));
store.attach(client);
