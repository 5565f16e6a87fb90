import { centsToDecimal, type PaymentIssuesReport } from './payment-issues';

/**
 * CSV (RFC 4180) that is safe to open in a spreadsheet.
 *  - A cell that a spreadsheet would run as a formula (it starts with = + - @, or a tab or carriage
 *    return, OWASP "CSV injection") gets a leading apostrophe, so it is shown as text.
 *  - A cell with a comma, a double quote or a line break is quoted, and its quotes are doubled.
 *  - Lines end with CRLF.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const PAYMENT_ISSUES_CSV_HEADER = [
  'order_id',
  'shopper',
  'customer_id',
  'time_utc',
  'amount_usd',
  'status',
  'recovered_by_order_id',
  'recovered_by_time_utc',
  'recovered_by_amount_usd',
] as const;

const isoOrEmpty = (date: Date | undefined) => (date ? date.toISOString() : '');

/**
 * One line per failed order, newest first, amounts as plain decimals (479.20). The last three
 * cells name the later paid order that won the sale back (the view's "Recovered by"), empty when
 * none did.
 */
export function paymentIssuesCsv(report: PaymentIssuesReport): string {
  return toCsv([
    PAYMENT_ISSUES_CSV_HEADER,
    ...report.failed.map((order) => [
      order.id,
      order.shopper.username,
      order.shopper.id,
      order.date ? order.date.toISOString() : order.dateText,
      centsToDecimal(order.totalCents),
      'PAYMENT_FAILED',
      order.recoveredBy?.id ?? '',
      isoOrEmpty(order.recoveredBy?.date),
      order.recoveredBy ? centsToDecimal(order.recoveredBy.totalCents) : '',
    ]),
  ]);
}
