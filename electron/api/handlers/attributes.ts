import type { AttributeCsvReport, AttributeDefinition } from '../../../shared/types.js';
import { planAttributeCsv } from '../../analysis/attributeCsv.js';
import { checkValue } from '../../analysis/attributeValues.js';
import {
  deleteDefinition,
  documentsWithValueOutside,
  findDefinitionByName,
  getDefinition,
  insertDefinition,
  listDefinitions,
  TYPE_OF_KIND,
  updateDefinition,
} from '../../db/attributeDefinitions.js';
import {
  attributeValues,
  clearAttribute,
  existingDocumentIds,
  listAttributes,
  setAttribute,
} from '../../db/attributes.js';
import type { Db } from '../../db/connection.js';
import { documentKeys, getDocumentSummary } from '../../db/documents.js';
import { recordEdit } from '../../db/oplog.js';
import type { Workspace } from '../../project/workspace.js';
import { conflict, found, invalid } from '../errors.js';
import { quoted } from '../labels.js';
import type { HandlerGroup } from '../types.js';

type AttributeOps =
  | 'attributes.definitions'
  | 'attributes.define'
  | 'attributes.updateDefinition'
  | 'attributes.deleteDefinition'
  | 'attributes.forDocument'
  | 'attributes.values'
  | 'attributes.set'
  | 'attributes.importCsv';

export function attributeHandlers(ws: Workspace): HandlerGroup<AttributeOps> {
  const db = () => ws.project.db;
  return {
    'attributes.definitions': () => listDefinitions(db()),
    'attributes.define': ({ name, kind, choices }) => {
      const d = db();
      if (findDefinitionByName(d, name)) throw conflict(`There is already an attribute called ${quoted(name)}.`);
      return recordEdit(d, { operation: 'attributes.define', label: `New attribute ${quoted(name)}` }, () => {
        const list = kind === 'choice' ? uniqueChoices(choices ?? []) : null;
        return getDefinition(d, insertDefinition(d, { name, type: TYPE_OF_KIND[kind], choices: list }))!;
      });
    },
    'attributes.updateDefinition': ({ id, name, choices, renamedChoices }) => {
      const d = db();
      const definition = found(getDefinition(d, id), 'attribute', id);
      const clash = name !== undefined ? findDefinitionByName(d, name) : undefined;
      if (clash && clash.id !== id) throw conflict(`There is already an attribute called ${quoted(name!)}.`);
      if (choices !== undefined && definition.kind !== 'choice')
        throw invalid(`${definition.name} is not a one-of-a-list attribute; it has no choices.`);
      const list = choices && uniqueChoices(choices);
      const renamed = list ? choiceRenames(definition, list, renamedChoices ?? []) : [];
      if (list) refuseDroppedValues(d, definition, list, renamed);
      return recordEdit(
        d,
        { operation: 'attributes.updateDefinition', label: `Edit attribute ${quoted(definition.name)}` },
        () => {
          updateDefinition(d, id, { name, choices: list, renamed });
          return getDefinition(d, id)!;
        },
      );
    },
    'attributes.deleteDefinition': ({ id }) => {
      const d = db();
      const definition = found(getDefinition(d, id), 'attribute', id);
      recordEdit(
        d,
        { operation: 'attributes.deleteDefinition', label: `Delete attribute ${quoted(definition.name)}` },
        () => deleteDefinition(d, id),
      );
      return { deleted: true };
    },
    'attributes.forDocument': ({ documentId }) => {
      found(getDocumentSummary(db(), documentId), 'document', documentId);
      return listAttributes(db(), documentId);
    },
    'attributes.values': ({ name }) => attributeValues(db(), name),
    'attributes.set': ({ definitionId, documentIds, value }) => setValues(db(), definitionId, documentIds, value),
    'attributes.importCsv': ({ csv, apply, skipInvalid }) => importCsv(db(), csv, apply, skipInvalid ?? false),
  };
}

function uniqueChoices(choices: string[]): string[] {
  const seen = new Set<string>();
  return choices.filter((c) => !seen.has(c.toLowerCase()) && seen.add(c.toLowerCase()));
}

/**
 * Which old choice becomes which new one: those named in `renamed`, and an old choice the new list spells in
 * another case. Every other old choice is dropped.
 */
function choiceRenames(
  definition: AttributeDefinition,
  list: string[],
  renamed: { from: string; to: string }[],
): [string, string][] {
  const inList = (name: string) => list.find((c) => c.toLowerCase() === name.toLowerCase());
  const pairs = new Map<string, string>();
  for (const { from, to } of renamed) {
    const old = definition.choices.find((c) => c === from);
    if (old === undefined) throw invalid(`${quoted(from)} is not a choice of ${definition.name}.`);
    const target = inList(to);
    if (target === undefined) throw invalid(`${quoted(to)} is not among the new choices of ${definition.name}.`);
    pairs.set(old, target);
  }
  for (const old of definition.choices) {
    const same = inList(old);
    if (!pairs.has(old) && same !== undefined) pairs.set(old, same);
  }
  return [...pairs];
}

/** Values of removed choices would no longer be valid: refuse, naming the documents that still have them. */
function refuseDroppedValues(d: Db, definition: AttributeDefinition, list: string[], renamed: [string, string][]) {
  const kept = [...list, ...renamed.map(([from]) => from)];
  const stranded = documentsWithValueOutside(d, definition.name, kept);
  if (stranded.length === 0) return;
  const values = [...new Set(stranded.map((s) => s.value))];
  const shown = stranded.slice(0, 5).map((s) => quoted(s.title));
  const more = stranded.length > shown.length ? ` and ${stranded.length - shown.length} more` : '';
  throw conflict(
    `${definition.name}: ${values.map((v) => quoted(v)).join(', ')} cannot be removed while ` +
      `${stranded.length === 1 ? 'a document has' : `${stranded.length} documents have`} ` +
      `${values.length === 1 ? 'it' : 'them'}: ` +
      `${shown.join(', ')}${more}. Set ${stranded.length === 1 ? 'it' : 'them'} to another choice first, ` +
      `or rename the choice instead.`,
  );
}

function setValues(d: Db, definitionId: number, documentIds: number[], value: string | null): { written: number } {
  const definition = found(getDefinition(d, definitionId), 'attribute', definitionId);
  const ids = [...new Set(documentIds)];
  const existing = existingDocumentIds(d, ids);
  const missing = ids.find((id) => !existing.has(id));
  if (missing !== undefined) throw invalid(`There is no document with id ${missing}.`);
  let stored: string | null = null;
  if (value !== null && value.trim() !== '') {
    const checked = checkValue(definition, value);
    if (!checked.ok) throw invalid(checked.message);
    stored = checked.value;
  }
  const label =
    ids.length === 1
      ? `Set ${definition.name} of ${quoted(getDocumentSummary(d, ids[0])!.title)}`
      : `Set ${definition.name} of ${ids.length} documents`;
  recordEdit(d, { operation: 'attributes.set', label }, () => {
    for (const documentId of ids) {
      if (stored === null) clearAttribute(d, documentId, definition.name);
      else setAttribute(d, { documentId, name: definition.name, type: definition.type, value: stored });
    }
  });
  return { written: ids.length };
}

function importCsv(d: Db, csv: string, apply: boolean, skipInvalid: boolean): AttributeCsvReport {
  const definitions = new Map(listDefinitions(d).map((x) => [x.name.toLowerCase(), x]));
  const report = planAttributeCsv(csv, { definitions, documents: (by) => documentKeys(d, by) });
  if (!apply) return report;
  const bad = report.rows.filter((r) => r.errors.length > 0);
  if (bad.length > 0 && !skipInvalid) {
    const first = bad[0].errors[0];
    throw invalid(
      `Nothing was imported: ${bad.length} row${bad.length === 1 ? ' has' : 's have'} errors (line ${first.line}: ${first.message}).`,
    );
  }
  const good = report.rows.filter((r) => r.errors.length === 0 && r.documentId !== null);
  let written = 0;
  recordEdit(d, { operation: 'attributes.importCsv', label: `Import attributes for ${good.length} documents` }, () => {
    const byName = new Map<string, AttributeDefinition>(definitions);
    for (const name of report.newAttributes) {
      const id = insertDefinition(d, { name, type: 'Text', choices: null });
      byName.set(name.toLowerCase(), getDefinition(d, id)!);
    }
    for (const row of good)
      for (const [name, value] of Object.entries(row.values)) {
        const definition = byName.get(name.toLowerCase())!;
        setAttribute(d, { documentId: row.documentId!, name: definition.name, type: definition.type, value });
        written++;
      }
  });
  return { ...report, written, applied: true };
}
