import fc from 'fast-check';
import { expect, test } from 'vitest';
import { orderSchema } from '@/domain/order';
import { lastFour } from '@/lib/format';

/**
 * Card masking: whatever the backend sends as a card number (spaces, dashes, letters, 40 digits,
 * none), the app keeps at most the last four digits, and they are the number's own last four.
 */

const digitString = (min: number, max: number) =>
  fc
    .array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max })
    .map((ds) => ds.join(''));

/** Card numbers as a backend might write them: digits with separators, noise or nothing. */
const cardNumberLike = fc.oneof(
  digitString(0, 40),
  fc
    .array(fc.oneof(digitString(1, 6), fc.constantFrom(' ', '-', '  ', '\t', '•', 'x', 'X')), {
      maxLength: 12,
    })
    .map((parts) => parts.join('')),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
);

const onlyDigits = (value: string) => value.replace(/\D/g, '');

test('lastFour never gives more than four digits, and they are the last four of the number', () => {
  fc.assert(
    fc.property(cardNumberLike, (number) => {
      const masked = lastFour(number);
      const digits = onlyDigits(number);
      if (digits.length < 4) {
        expect(masked).toBeUndefined();
      } else {
        expect(masked).toBe(digits.slice(-4));
        expect(masked).toMatch(/^\d{4}$/);
      }
    }),
    { numRuns: 2000 },
  );
});

test('an order read from the backend keeps at most the last four digits of its card', () => {
  fc.assert(
    fc.property(cardNumberLike, (longNum) => {
      const order = orderSchema.parse({
        items: [],
        date: '2025-10-30T08:31:07.000+0000',
        total: 12.98,
        status: 'PAID',
        card: { longNum },
        _links: { self: { href: 'http://orders/orders/abc123' } },
      });
      const shown = JSON.stringify(order);
      // Nothing in the mapped order holds a run of more than four of the card's digits.
      expect(onlyDigits(order.cardLast4 ?? '').length).toBeLessThanOrEqual(4);
      const digits = onlyDigits(longNum);
      if (digits.length > 4) expect(shown).not.toContain(digits.slice(-5));
    }),
    { numRuns: 1000 },
  );
});
