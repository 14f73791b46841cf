// Which entity a mention names, across the corpus: its key first ("person:vladimir putin"); else a person's surname
// ("person:putin"), so "Putin" in one report and "Vladimir Putin" in another are one entity; else a new entity.
import type { Db } from '../db/connection.js';
import { entityOfKey, getEntity, insertEntity, renameEntity, setKey } from '../db/entities.js';
import { surnameKey, type NamedMention } from './aliases.js';

/** The entity's id, or null when the analyst deleted the entity this name belongs to. */
export function resolveMention(db: Db, mention: Pick<NamedMention, 'kind' | 'name' | 'key'>): number | null {
  const fullKey = `${mention.kind}:${mention.key}`;
  const known = entityOfKey(db, fullKey);
  if (known !== undefined) return known;
  const surname = mention.kind === 'person' ? surnameKey(mention.key) : undefined;
  if (surname === undefined) return created(db, mention, [fullKey]);
  const bySurname = entityOfKey(db, `person:${surname}`);
  if (bySurname === undefined) return created(db, mention, [fullKey, `person:${surname}`]);
  const entity = bySurname === null ? undefined : getEntity(db, bySurname);
  // "Putin" was met first: the full name names it from now on.
  if (entity && !entity.name.includes(' ')) {
    renameEntity(db, entity.id, mention.name);
    setKey(db, fullKey, entity.id);
    return entity.id;
  }
  return created(db, mention, [fullKey]);
}

function created(db: Db, mention: Pick<NamedMention, 'kind' | 'name'>, keys: string[]): number {
  const id = insertEntity(db, mention.kind, mention.name);
  for (const key of keys) setKey(db, key, id);
  return id;
}
