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

test('a month and day without a year take the year that puts them nearest the publication date', () => {
  const met = (when: string) => `The delegations met on ${when} in Istanbul.`;
  const dayOf = (when: string, publishedAt: string) => datesOf(met(when), publishedAt).map((d) => d.day);
  // Across the year boundary, both ways.
  assert.deepEqual(dayOf('December 30', '2025-01-02'), ['2024-12-30']);
  assert.deepEqual(dayOf('Dec. 30', '2025-01-02'), ['2024-12-30']);
  assert.deepEqual(dayOf('30 December', '2025-01-02'), ['2024-12-30']);
  assert.deepEqual(dayOf('January 3', '2024-12-30'), ['2025-01-03']);
  // Half a year away: 180 days back is nearer than 185 ahead; 173 ahead nearer than 192 back.
  assert.deepEqual(dayOf('September 1', '2025-02-28'), ['2024-09-01']);
  assert.deepEqual(dayOf('August 20', '2025-02-28'), ['2025-08-20']);
  // A weekday, "yesterday" and "last week" on the other side of New Year.
  assert.deepEqual(dayOf('Monday', '2025-01-02'), ['2024-12-30']);
  assert.deepEqual(datesOf('They met yesterday.', '2025-01-01')[0].day, '2024-12-31');
  assert.deepEqual(datesOf('Talks were held last week.', '2024-01-03')[0].day, '2023-12-25');
  assert.deepEqual(datesOf('Talks were held last month.', '2025-01-02')[0].day, '2024-12-01');
});

test('a date lands on its calendar day in any time zone', () => {
  const zone = process.env.TZ;
  try {
    for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC']) {
      process.env.TZ = tz;
      assert.deepEqual(datesOf('They met on February 27, 2025.', null)[0].day, '2025-02-27', tz);
      assert.deepEqual(datesOf('They met on December 30.', '2025-01-02')[0].day, '2024-12-30', tz);
      assert.deepEqual(datesOf('They met on Thursday.', '2025-02-28')[0].day, '2025-02-27', tz);
    }
  } finally {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  }
});

test('titles and names are not dates', () => {
  assert.deepEqual(datesOf('Under then-US President Joe Biden, the US supported Ukraine.', '2025-02-28'), []);
  assert.deepEqual(datesOf('This cooperation may signal a broader effort.', '2025-02-28'), []);
  assert.deepEqual(datesOf('A week of talks ended without a deal.', '2025-02-28'), []);
  assert.deepEqual(datesOf('Zelenskiy is now seeking European support.', '2025-02-28'), []);
});
