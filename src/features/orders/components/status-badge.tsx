import type { StatusView } from '@/domain/order-status';

/** A status in words, with a symbol, never by colour alone. */
export function StatusBadge({ view }: { view: StatusView }) {
  return (
    <span className={`status status-${view.tone}`}>
      <span aria-hidden="true" className="status-symbol">
        {view.symbol}
      </span>{' '}
      {view.label}
    </span>
  );
}
