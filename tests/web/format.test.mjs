// The page's numbers (format.js) read as toLocaleString('en') writes them, which the page no longer calls
// on its way to the first answer: grouped by commas, with the decimals asked for, rounded alike.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { formatCount } from '../../web/src/format.js';

const intl = (value, digits) => value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

it('writes whole numbers with their digits grouped by commas', () => {
  const cases = [[0, '0'], [7, '7'], [999, '999'], [1000, '1,000'], [151510, '151,510'], [1803695, '1,803,695'], [-1234567, '-1,234,567'], [2 ** 53, '9,007,199,254,740,992']];
  for (const [value, text] of cases) assert.equal(formatCount(value), text, String(value));
});

it('agrees with toLocaleString on random numbers, whole and with 0, 1 or 2 decimals, ties included', () => {
  let seed = 12345;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const values = [0.5, 1.5, 2.5, 0.125, 1.005, 12.345, 99.995, 999.95, -2.5, -0.05];
  for (let i = 0; i < 20000; ++i) {
    const scale = 10 ** Math.floor(random() * 12);
    values.push(Math.floor(random() * scale), random() * scale, -random() * scale, Math.round(random() * scale * 100) / 100 + 0.005);
  }
  for (const value of values) {
    for (const digits of [0, 1, 2]) assert.equal(formatCount(value, digits), intl(value, digits), `${value} with ${digits} decimals`);
  }
});

it('writes what is not a finite number as toLocaleString does', () => {
  assert.equal(formatCount(Infinity), intl(Infinity, 0));
  assert.equal(formatCount(NaN), intl(NaN, 0));
  assert.equal(formatCount(2 ** 60), intl(2 ** 60, 0));
});
