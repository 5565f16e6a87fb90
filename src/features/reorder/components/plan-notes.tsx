import { formatMoney } from '@/lib/format';
import { type LeftOutLine, type PlannedLine, priceChanges, type ReorderPlan } from '../model/plan';

function leftOutLabel(line: LeftOutLine): string {
  const what = line.name ?? 'A sock we no longer sell';
  const detail = `${line.quantity} × ${formatMoney(line.orderedPrice)}`;
  return line.reason === 'sold-out'
    ? `${what} (${detail}): sold out`
    : `${what} (${detail}): no longer sold`;
}

function priceLabel(line: PlannedLine): string {
  const direction = line.price > line.orderedPrice ? 'up' : 'down';
  return `${line.name}: was ${formatMoney(line.orderedPrice)}, now ${formatMoney(line.price)} each (${direction})`;
}

/**
 * What differs from the failed order: prices that changed (the shopper pays today's) and socks
 * left out. Shown in the confirmation dialog and again on the checkout, before paying.
 */
export function PlanNotes({ plan }: { plan: ReorderPlan }) {
  const changed = priceChanges(plan);
  return (
    <>
      {changed.length > 0 ? (
        <div className="reorder-note">
          <p>
            <span aria-hidden="true">! </span>
            {changed.length === 1 ? 'A price has changed' : 'Some prices have changed'} since that
            order. You pay today&apos;s price:
          </p>
          <ul aria-label="Price changes">
            {changed.map((line) => (
              <li key={line.itemId}>{priceLabel(line)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {plan.leftOut.length > 0 ? (
        <div className="reorder-note">
          <p>
            <span aria-hidden="true">! </span>
            {plan.leftOut.length === 1 ? 'This sock is' : 'These socks are'} left out:
          </p>
          <ul aria-label="Left out">
            {plan.leftOut.map((line) => (
              <li key={line.itemId}>{leftOutLabel(line)}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
