import { migration001 } from './001_initial.js';
import { migration002 } from './002_oplog.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Append only: a released migration is never edited, a new number is added instead. */
export const migrations: Migration[] = [
  { version: 1, name: 'initial', sql: migration001 },
  { version: 2, name: 'oplog', sql: migration002 },
];
