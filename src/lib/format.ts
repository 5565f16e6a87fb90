/** Money and dates as Sock Shop sends them: Java floats (104.979996) and `+0000` offsets. */
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

export function formatMoney(amount: number): string {
  return money.format(Math.round(amount * 100) / 100);
}

/** Rounds a Java float total to cents, so 104.979996 compares equal to 104.98. */
export function toCents(amount: number): number {
  return Math.round(amount * 100);
}

/**
 * Parses `2017-03-16T15:42:28.620+0000` (Jackson's StdDateFormat). Safari rejects `+0000`, so the
 * offset is rewritten to `+00:00` first. Returns undefined for anything unparseable.
 */
export function parseSockShopDate(value: string): Date | undefined {
  const iso = value.trim().replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const dateTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

export function formatDateTime(date: Date | undefined): string {
  return date ? `${dateTime.format(date)} UTC` : 'Date unknown';
}

/** The last four digits of a card number (never more), or undefined when there are fewer. */
export function lastFour(number: string | null | undefined): string | undefined {
  const digits = (number ?? '').replace(/\D/g, '');
  return digits.length >= 4 ? digits.slice(-4) : undefined;
}
