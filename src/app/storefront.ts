/**
 * Everything the storefront shows below the app shell, in one lazily loaded chunk: every page, the
 * header's cart and account links, the order notifications, order recovery and the checkout's
 * runtime (its machine's interpreter). One chunk (not one
 * per page) so a page needs two script requests, never a chain of them: the entry (React, TanStack
 * Query, router, shell) and this. Import it only with `import()` (storefront-chunk.ts).
 */
export { AccountMenu } from '@/features/auth/components/account-menu';
export { RegisterPage } from '@/features/auth/components/register-page';
export { SignInPage } from '@/features/auth/components/sign-in-page';
export { CataloguePage } from '@/features/catalogue/components/catalogue-page';
export { CartBadge } from '@/features/checkout/components/cart-badge';
export { OrderUpdates } from '@/features/orders/components/order-updates';
export { CheckoutRuntime } from './checkout-runtime';
export { OrderAgainAction } from './reorder-action';
export { CartRoute } from './routes/cart-route';
export { CheckoutRoute } from './routes/checkout-route';
export { OrderRoute } from './routes/order-route';
export { OrdersRoute } from './routes/orders-route';
export { ProductRoute } from './routes/product-route';
