import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatCount } from '../../../renderer/app/format';

test('counts are grouped by thousands', () => {
  assert.equal(formatCount(0), '0');
  assert.equal(formatCount(999), '999');
  assert.equal(formatCount(1000), '1,000');
  assert.equal(formatCount(10006), '10,006');
  assert.equal(formatCount(100000), '100,000');
  assert.equal(formatCount(1234567), '1,234,567');
  assert.equal(formatCount(-4200), '-4,200');
});
