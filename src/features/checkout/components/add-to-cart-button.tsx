import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert } from '@/components/ui/alert';
import { isApiError } from '@/lib/api-error';
import { addToCart, cartKeys } from '../api/cart';

interface AddToCartButtonProps {
  sock: { id: string; name: string; imageUrl: readonly string[]; count: number };
}

export function AddToCartButton({ sock }: AddToCartButtonProps) {
  const queryClient = useQueryClient();
  const add = useMutation({
    mutationFn: () => addToCart(sock),
    onSettled: () => queryClient.invalidateQueries({ queryKey: cartKeys.all }),
  });

  return (
    <div className="add-to-cart">
      <button
        type="button"
        className="button-primary"
        disabled={add.isPending || sock.count <= 0}
        onClick={() => add.mutate()}
      >
        {add.isPending ? 'Adding…' : 'Add to cart'}
      </button>
      <div role="status" className="inline-status">
        {add.isSuccess ? `${sock.name} added to your cart.` : ''}
      </div>
      {add.isError ? (
        <Alert
          title={`We couldn't add ${sock.name} to your cart.`}
          reference={isApiError(add.error) ? add.error.requestId : undefined}
        >
          <p>Please try again in a moment.</p>
        </Alert>
      ) : null}
    </div>
  );
}
