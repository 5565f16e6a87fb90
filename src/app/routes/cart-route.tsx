import { CartPage } from '@/features/checkout/components/cart-page';
import { useProducts } from '../use-products';

export function CartRoute() {
  return <CartPage products={useProducts()} />;
}
