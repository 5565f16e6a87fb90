import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { lineTotal } from '@/domain/order-totals';
import { isApiError } from '@/lib/api-error';
import { formatMoney } from '@/lib/format';
import { imageSrc } from '@/lib/image-url';
import { type CartItem, cartKeys, removeFromCart, setCartQuantity } from '../api/cart';

const QUANTITIES = Array.from({ length: 10 }, (_, index) => index + 1);

export function CartLine({ item, name, image }: { item: CartItem; name: string; image?: string }) {
  const queryClient = useQueryClient();
  const settle = () => queryClient.invalidateQueries({ queryKey: cartKeys.all });
  const update = useMutation({
    mutationFn: (quantity: number) => setCartQuantity(item.itemId, quantity),
    onSettled: settle,
  });
  const remove = useMutation({ mutationFn: () => removeFromCart(item.itemId), onSettled: settle });
  const busy = update.isPending || remove.isPending;
  const failure = update.error ?? remove.error;
  const options = QUANTITIES.includes(item.quantity) ? QUANTITIES : [...QUANTITIES, item.quantity];
  const src = imageSrc(image);

  return (
    <li className="cart-line" aria-busy={busy}>
      {src ? <img src={src} alt="" width={72} height={72} /> : <span className="thumb" />}
      <div className="cart-line-name">
        <p>{name}</p>
        <p className="muted">{formatMoney(item.unitPrice)} each</p>
      </div>
      <label className="cart-line-quantity">
        <span className="visually-hidden">Quantity of {name}</span>
        <select
          value={item.quantity}
          disabled={busy}
          onChange={(event) => update.mutate(Number(event.target.value))}
        >
          {options.map((quantity) => (
            <option key={quantity} value={quantity}>
              {quantity}
            </option>
          ))}
        </select>
      </label>
      <p className="cart-line-total">{formatMoney(lineTotal(item))}</p>
      <button
        type="button"
        className="link-button"
        aria-label={`Remove ${name}`}
        disabled={busy}
        onClick={() => remove.mutate()}
      >
        Remove
      </button>
      {failure ? (
        <Alert
          title={`We couldn't change ${name}.`}
          reference={isApiError(failure) ? failure.requestId : undefined}
        >
          <p>Your cart is unchanged. Please try again.</p>
        </Alert>
      ) : null}
    </li>
  );
}
