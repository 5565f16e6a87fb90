/**
 * The heading a route opens with before its data arrives, known from the path and whether the
 * shopper is signed in; `undefined` when it depends on data (a product's name) or the route is
 * unknown. Must match each page's own first heading: tests/loading-heading.test.tsx compares them.
 */
export function loadingHeading(path: string, signedIn: boolean): string | undefined {
  if (path === '/') return 'Socks';
  if (path === '/cart') return 'Your cart';
  if (path === '/checkout') return 'Checkout';
  if (path === '/sign-in') return 'Sign in';
  if (path === '/register') return 'Create an account';
  if (path === '/orders') return signedIn ? 'Your orders' : 'Sign in to see your orders';
  const order = /^\/orders\/([^/]+)$/.exec(path);
  if (order?.[1]) {
    let id: string;
    try {
      id = decodeURIComponent(order[1]);
    } catch {
      return undefined;
    }
    return signedIn ? `Order ${id}` : 'Sign in to see this order';
  }
  return undefined;
}
