import { formatMoney } from '@/lib/format';
import type { Totals } from '@/domain/order-totals';

export function TotalsTable({ totals, caption }: { totals: Totals; caption: string }) {
  return (
    <table className="totals">
      <caption className="visually-hidden">{caption}</caption>
      <tbody>
        <tr>
          <th scope="row">
            Subtotal ({totals.itemCount} {totals.itemCount === 1 ? 'item' : 'items'})
          </th>
          <td>{formatMoney(totals.subtotal)}</td>
        </tr>
        <tr>
          <th scope="row">Shipping</th>
          <td>{formatMoney(totals.shipping)}</td>
        </tr>
        <tr className="grand-total">
          <th scope="row">Total</th>
          <td>{formatMoney(totals.total)}</td>
        </tr>
      </tbody>
    </table>
  );
}
