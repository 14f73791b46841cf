// Alias merging and date resolution, on sentences from the seed reports.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nameMention } from '../../electron/entities/aliases.js';
import { extractDocument } from '../../electron/entities/extract.js';

function named(text: string) {
  return extractDocument(text, null).mentions.map((m) => `${m.kind}:${m.key}`);
}

test('titles, possessives and spellings fold into one key', () => {
  assert.equal(nameMention('person', 'President Vladimir Putin’s')?.key, 'vladimir putin');
  assert.equal(nameMention('person', 'then-US President Joe Biden')?.name, 'Joe Biden');
  assert.equal(nameMention('place', 'Türkiye')?.key, 'turkey');
  assert.equal(nameMention('place', 'Turkiye’s')?.key, 'turkey');
  assert.equal(nameMention('place', 'Turkey')?.name, 'Turkey');
  assert.equal(nameMention('place', 'U.S.')?.key, 'us');
  assert.equal(nameMention('place', 'United States')?.name, 'United States');
  assert.equal(nameMention('organisation', 'U.S.')?.kind, 'place', 'the tagger calling U.S. an organisation');
  assert.equal(nameMention('person', 'Zelenskiy')?.key, nameMention('person', 'Zelenskyy')?.key);
  assert.equal(nameMention('person', 'President'), undefined, 'a title alone names no one');
});

test('the people and places of seed sentences are found with their aliases', () => {
  assert.deepEqual(
    named('Under then-US President Joe Biden, the US administration staunchly supported Ukraine with aid.'),
    ['person:joe biden', 'place:us', 'place:ukraine'],
  );
  assert.deepEqual(
    named(
      'The Russian president’s televised comments came as Moscow and Washington sent representatives to Turkiye’s commercial hub on Thursday.',
    ),
    ['place:moscow', 'place:washington', 'place:turkey'],
  );
  const lavrov = named(
    'Russian Foreign Minister Sergey Lavrov and US Secretary of State Marco Rubio met in Saudi Arabia last week.',
  );
  assert.ok(lavrov.includes('person:sergey lavrov') && lavrov.includes('person:marco rubio'), lavrov.join(', '));
  assert.ok(lavrov.includes('place:saudi arabia'));
  assert.deepEqual(named('Russian and U.S. diplomats convened in Istanbul to address disputes.'), [
    'place:us',
    'place:istanbul',
  ]);
  const trump = extractDocument(
    'Europe has concerns over U.S. President Donald Trump’s stance on military aid. Trump said so.',
    null,
  ).mentions.filter((m) => m.kind === 'person');
  assert.deepEqual(
    trump.map((m) => m.key),
    ['donald trump', 'trump'],
    'a lone surname of a person named in full is the same person',
  );
});

test('“United States”, “U.S.-Russia” and “US’s” name places, “Us” and “Will” at a sentence start do not', () => {
  assert.deepEqual(named('Diplomats from the United States met in Istanbul.'), ['place:us', 'place:istanbul']);
  assert.deepEqual(named('Ties plummeted as U.S.-Russia talks stalled.'), ['place:us', 'place:russia']);
  assert.deepEqual(named('U.S. Secretary of State Marco Rubio spoke.'), ['place:us', 'person:marco rubio']);
  assert.deepEqual(named("The US's stance on Ukraine changed."), ['place:us', 'place:ukraine']);
  assert.deepEqual(named('Will they meet? Us, never.'), []);
});

function datesOf(sentence: string, publishedAt: string | null) {
  return extractDocument(sentence, publishedAt).dates.map((d) => ({
    words: sentence.slice(d.start, d.end).trim(),
    day: d.day,
    precision: d.precision,
  }));
}

test('relative dates resolve against the publication date, and stay undated without one', () => {
  const seed =
    'In a significant development in US-Russia relations, diplomats from both countries met in Istanbul on Thursday to discuss the operational framework of their respective embassies.';
  assert.deepEqual(datesOf(seed, '2025-02-28'), [{ words: 'on Thursday', day: '2025-02-27', precision: 'day' }]);
  assert.deepEqual(datesOf(seed, null), [{ words: 'on Thursday', day: null, precision: 'day' }]);
  const lastWeek =
    'This meeting marks the second round of talks following a precedent-setting dialogue in Saudi Arabia last week.';
  assert.deepEqual(datesOf(lastWeek, '2025-02-28'), [{ words: 'last week', day: '2025-02-17', precision: 'week' }]);
  // Near a year boundary the week before belongs to the previous year.
  assert.deepEqual(datesOf(lastWeek, '2025-01-02'), [{ words: 'last week', day: '2024-12-23', precision: 'week' }]);
  assert.deepEqual(datesOf(lastWeek, null)[0].day, null);
  const lastYear = 'Relations had plummeted to “below zero” last year against the backdrop of the war.';
  assert.deepEqual(datesOf(lastYear, '2025-02-28'), [{ words: 'last year', day: '2024-01-01', precision: 'year' }]);
  assert.deepEqual(datesOf(lastYear, '2025-01-01')[0].day, '2024-01-01');
});

test('explicit dates need no publication date; dates counted from another event are left out', () => {
  assert.deepEqual(datesOf('The talks in Istanbul were held on February 27, 2025.', null), [
    { words: 'February 27, 2025', day: '2025-02-27', precision: 'day' },
  ]);
  assert.deepEqual(datesOf('They met on February 27.', '2025-03-01'), [
    { words: 'February 27', day: '2025-02-27', precision: 'day' },
  ]);
  assert.deepEqual(datesOf('They met on February 27.', null)[0].day, null, 'which year is not said');
  assert.deepEqual(datesOf('Six days later, Putin signed the decree.', '2025-02-28'), []);
});
