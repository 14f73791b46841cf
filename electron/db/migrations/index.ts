import type { Db } from '../connection.js';
import { migration001 } from './001_initial.js';
import { migration002 } from './002_oplog.js';
import { fillSearchText, migration003 } from './003_search.js';
import { migration004 } from './004_exchange.js';
import { migration005 } from './005_library_indexes.js';
import { migration006 } from './006_pdf.js';
import { deriveExistingStructure, migration007 } from './007_structure.js';
import { migration008 } from './008_analysis.js';
import { migration009 } from './009_corroboration.js';
import { migration010 } from './010_memo_subjects.js';
import { migration011 } from './011_entities.js';
import { migration012 } from './012_agreement.js';
import { migration013 } from './013_team.js';
import { migration014 } from './014_mention_storage.js';
import { migration015 } from './015_team_more.js';

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
  { version: 5, name: 'library indexes', sql: migration005 },
  { version: 6, name: 'pdf', sql: migration006 },
  { version: 7, name: 'structure', sql: migration007, up: deriveExistingStructure },
  { version: 8, name: 'analysis', sql: migration008 },
  { version: 9, name: 'corroboration', sql: migration009 },
  { version: 10, name: 'memo subjects', sql: migration010 },
  { version: 11, name: 'entities', sql: migration011 },
  { version: 12, name: 'agreement', sql: migration012 },
  { version: 13, name: 'team', sql: migration013 },
  { version: 14, name: 'mention storage', sql: migration014 },
  { version: 15, name: 'team memos and attributes', sql: migration015 },
];
