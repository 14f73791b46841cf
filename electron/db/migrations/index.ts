import { migration001 } from './001_initial.js';
import { migration002 } from './002_oplog.js';
import { migration004 } from './004_exchange.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Append only: a released migration is never edited, a new number is added instead. */
export const migrations: Migration[] = [
  { version: 1, name: 'initial', sql: migration001 },
  { version: 2, name: 'oplog', sql: migration002 },
  { version: 4, name: 'exchange', sql: migration004 },
];
