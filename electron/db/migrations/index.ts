import type { Db } from '../connection.js';
import { migration001 } from './001_initial.js';
import { migration002 } from './002_oplog.js';
import { fillSearchText, migration003 } from './003_search.js';
import { migration004 } from './004_exchange.js';
import { migration008 } from './008_corroboration.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Work SQL cannot express, run after `sql` in the same transaction. */
  up?: (db: Db) => void;
}

/** Append only: a released migration is never edited, a new number is added instead. */
export const migrations: Migration[] = [
  { version: 1, name: 'initial', sql: migration001 },
  { version: 2, name: 'oplog', sql: migration002 },
  { version: 3, name: 'search', sql: migration003, up: fillSearchText },
  { version: 4, name: 'exchange', sql: migration004 },
  { version: 8, name: 'corroboration', sql: migration008 },
];
