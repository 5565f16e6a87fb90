import fc from 'fast-check';
import { expect, test } from 'vitest';
import { formatDateTime, formatMoney } from '@/lib/format';

/**
 * The storefront formats money and dates without `Intl` (its first use costs a long task on every
 * page load). These tests hold the hand-written formatters to what `Intl` would have shown.
 */

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const ukDateTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

test('money reads as Intl en-US dollars for any amount, Java float noise rounded to cents', () => {
  const amount = fc.oneof(
    fc.double({ min: -1e12, max: 1e12, noNaN: true }),
    fc.integer({ min: 0, max: 100_000 }).map((cents) => cents / 100 + 0.000004),
    fc.constantFrom(0, -0, 0.005, 0.004, -0.004, -0.005, 999.995, 1000, 104.979996, 1234567.891),
    // A half cent below zero (found by this test, seed -299189596).
    fc.constant(-489791532637.105),
  );
  fc.assert(
    fc.property(amount, (value) => {
      expect(formatMoney(value)).toBe(
        usd.format(Math.round(value * 100) / 100).replace('-$0.00', '$0.00'),
      );
    }),
    { numRuns: 2_000 },
  );
});

test('money that is not a number says so instead of "$NaN"', () => {
  expect(formatMoney(Number.NaN)).toBe('amount unknown');
  expect(formatMoney(Number.POSITIVE_INFINITY)).toBe('amount unknown');
});

test('a date reads as Intl en-GB medium date and short time in UTC', () => {
  fc.assert(
    fc.property(
      fc.date({ min: new Date(0), max: new Date(Date.UTC(2200, 0, 1)), noInvalidDate: true }),
      (date) => {
        expect(formatDateTime(date)).toBe(`${ukDateTime.format(date)} UTC`);
      },
    ),
    { numRuns: 2_000 },
  );
  expect(formatDateTime(new Date(Date.UTC(2017, 2, 16, 15, 42, 28)))).toBe(
    '16 Mar 2017, 15:42 UTC',
  );
});

test('a missing or invalid date reads "Date unknown"', () => {
  expect(formatDateTime(undefined)).toBe('Date unknown');
  expect(formatDateTime(new Date('nonsense'))).toBe('Date unknown');
});
