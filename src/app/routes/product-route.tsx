import { useParams } from 'wouter';
import { ProductPage } from '@/features/catalogue/components/product-page';
import { AddToCartButton } from '@/features/checkout/components/add-to-cart-button';

export function ProductRoute() {
  const { id = '' } = useParams<{ id: string }>();
  return <ProductPage id={id} renderAction={(sock) => <AddToCartButton sock={sock} />} />;
}
