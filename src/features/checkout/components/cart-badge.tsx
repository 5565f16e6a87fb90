import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { cartQuery } from '../api/cart';

/** The header's cart link, with the number of items in words for screen readers. */
export function CartBadge() {
  // The header mounts after the page: on the cart and checkout pages, whose own read has just
  // answered, it shows that answer instead of asking again.
  const cart = useQuery({ ...cartQuery(), refetchOnMount: false });
  const count = cart.data?.reduce((sum, item) => sum + item.quantity, 0);
  const label = count === undefined ? 'Cart' : `Cart, ${count} ${count === 1 ? 'item' : 'items'}`;
  return (
    <Link href="/cart" aria-label={label} className="nav-link cart-link">
      Cart
      {count !== undefined ? (
        <span className="badge" aria-hidden="true">
          {count}
        </span>
      ) : null}
    </Link>
  );
}
