import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { server } from '../mocks/node';
import { act, renderApp, screen, signInAs, waitFor, within } from './utils/render';

const NERD_LEG = 'a0a4f044-b040-410d-8ead-4de0446aec7e';

test('the catalogue lists every sock with its price, and the tag filter narrows it', async () => {
  const { user, history } = renderApp('/');
  const grid = await screen.findByRole('list', { name: 'Socks' });
  expect(within(grid).getAllByRole('listitem')).toHaveLength(10);
  expect(within(grid).getByRole('link', { name: 'Nerd leg' })).toHaveAttribute(
    'href',
    `/socks/${NERD_LEG}`,
  );
  expect(within(grid).getByText('$99.99')).toBeInTheDocument();

  await user.click(await screen.findByRole('checkbox', { name: 'geek' }));
  await waitFor(() =>
    expect(
      within(screen.getByRole('list', { name: 'Socks' })).getAllByRole('listitem'),
    ).toHaveLength(2),
  );
  expect(history.at(-1)).toBe('/?tags=geek');
  expect(screen.getByRole('link', { name: 'Weave special' })).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'YouTube.sock' })).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'Clear filters' }));
  await waitFor(() =>
    expect(
      within(screen.getByRole('list', { name: 'Socks' })).getAllByRole('listitem'),
    ).toHaveLength(10),
  );
});

test('a broken catalogue says so and offers to try again; it never leaves a blank page', async () => {
  server.use(
    http.get('*/api/catalogue', () => HttpResponse.text('[{"id":"a","na', { status: 200 })),
  );
  renderApp('/');
  expect(await screen.findByText("We couldn't read the socks.")).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  expect(screen.getByRole('heading', { name: 'Socks', level: 1 })).toBeInTheDocument();
});

test('a hostile product name and description are shown as text, never made into markup', async () => {
  // jsdom loads no images and runs no `onerror`, so what is checked here is that no element is made
  // from the string: the <img> it holds would be an image (role img, even with an empty name).
  // That nothing runs in a real browser is tests/e2e/hostile-strings.spec.ts.
  const hostile = '<img src=x onerror="window.__pwned=1">Evil sock';
  const description = '<script>window.__pwned=1</script><b>bold</b> claim';
  const evil = {
    id: 'evil',
    name: hostile,
    description,
    imageUrl: [],
    price: 1,
    count: 1,
    tag: [],
  };
  server.use(
    http.get('*/api/catalogue', () => HttpResponse.json([evil])),
    http.get('*/api/catalogue/evil', () => HttpResponse.json(evil)),
  );
  const { user } = renderApp('/');
  const link = await screen.findByRole('link', { name: hostile });
  expect(within(link).queryByRole('img')).not.toBeInTheDocument();
  expect(screen.queryAllByRole('img')).toEqual([]);

  await user.click(link);
  expect(await screen.findByRole('heading', { level: 1, name: hostile })).toBeInTheDocument();
  expect(screen.getByText(description)).toBeInTheDocument();
  expect(screen.queryByText('bold')).not.toBeInTheDocument();
  expect(screen.queryAllByRole('img')).toEqual([]);
});

test('adding to the cart as a guest, then signing in, keeps the cart', async () => {
  const { user } = renderApp(`/socks/${NERD_LEG}`);
  await user.click(await screen.findByRole('button', { name: 'Add to cart' }));
  expect(await screen.findByText('Nerd leg added to your cart.')).toBeInTheDocument();
  expect(await screen.findByRole('link', { name: 'Cart, 1 item' })).toBeInTheDocument();

  await user.click(screen.getByRole('link', { name: 'Sign in' }));
  await user.type(await screen.findByLabelText('Username'), 'user');
  await user.type(screen.getByLabelText('Password'), 'password');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));

  expect(await screen.findByRole('button', { name: 'Sign out' })).toBeInTheDocument();
  expect(await screen.findByRole('link', { name: 'Cart, 1 item' })).toBeInTheDocument();
});

test('the cart changes quantities and totals, removes lines, and shows an empty cart', async () => {
  await signInAs();
  await fetch('/api/cart', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id: NERD_LEG }),
  });
  const { user } = renderApp('/cart');
  const quantity = await screen.findByRole('combobox', { name: 'Quantity of Nerd leg' });
  const totals = screen.getByRole('table', { name: 'Cart totals' });
  expect(totals).toHaveTextContent('Subtotal (1 item)$7.99');
  expect(totals).toHaveTextContent('Shipping$4.99');
  expect(totals).toHaveTextContent('Total$12.98');

  await user.selectOptions(quantity, '3');
  await waitFor(() =>
    expect(screen.getByRole('table', { name: 'Cart totals' })).toHaveTextContent('Total$28.96'),
  );
  expect(screen.getByRole('link', { name: 'Cart, 3 items' })).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'Remove Nerd leg' }));
  expect(await screen.findByText('Your cart is empty.')).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Cart, 0 items' })).toBeInTheDocument();
});

test('a wrong password is refused with a clear message that takes focus', async () => {
  const { user } = renderApp('/sign-in');
  await user.type(await screen.findByLabelText('Username'), 'user');
  await user.type(screen.getByLabelText('Password'), 'wrong');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('That username and password do not match an account.');
  expect(alert).toHaveFocus();
});

test('a new shopper registers, adds an address and a card at checkout, and sees the card masked', async () => {
  // As a guest: the storefront makes sure a session cookie exists before the first cart write.
  const { user, history, navigate } = renderApp(`/socks/${NERD_LEG}`);
  await user.click(await screen.findByRole('button', { name: 'Add to cart' }));
  expect(await screen.findByRole('link', { name: 'Cart, 1 item' })).toBeInTheDocument();
  act(() => navigate('/register?next=/checkout'));
  await user.type(await screen.findByLabelText('First name'), 'Sam');
  await user.type(screen.getByLabelText('Last name'), 'Shopper');
  await user.type(screen.getByLabelText('Email'), 'sam@example.com');
  await user.type(screen.getByLabelText('Username'), 'sam_shopper');
  await user.type(screen.getByLabelText('Password'), 's3cret-pass');
  await user.click(screen.getByRole('button', { name: 'Create account' }));

  await waitFor(() => expect(history.at(-1)).toBe('/checkout'));
  const placeOrder = await screen.findByRole('button', { name: /place order/i });
  expect(placeOrder).toBeDisabled();
  expect(await screen.findByText('Add a shipping address.')).toBeInTheDocument();

  // Each form opens from its section, at its first field.
  const openAddress = screen.getByRole('button', { name: 'Add a shipping address' });
  expect(openAddress).toHaveAttribute('aria-expanded', 'false');
  expect(screen.queryByRole('form', { name: 'Add a shipping address' })).not.toBeInTheDocument();
  await user.click(openAddress);
  const addressForm = screen.getByRole('form', { name: 'Add a shipping address' });
  expect(within(addressForm).getByLabelText('House number')).toHaveFocus();
  await user.type(within(addressForm).getByLabelText('House number'), '4');
  await user.type(within(addressForm).getByLabelText('Street'), 'Maes-Y-Deri');
  await user.type(within(addressForm).getByLabelText('City'), 'Aberdare');
  await user.type(within(addressForm).getByLabelText('Postcode'), 'CF44 6TF');
  await user.type(within(addressForm).getByLabelText('Country'), 'United Kingdom');
  await user.click(within(addressForm).getByRole('button', { name: 'Save address' }));
  expect(await screen.findByText(/Maes-Y-Deri/)).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'Add a payment card' }));
  const cardForm = screen.getByRole('form', { name: 'Add a payment card' });
  expect(within(cardForm).getByLabelText('Card number')).toHaveFocus();
  await user.type(within(cardForm).getByLabelText('Card number'), '4111 1111');
  await user.type(within(cardForm).getByLabelText('Expiry (MM/YY)'), '13/30');
  await user.type(within(cardForm).getByLabelText('Security code'), '12');
  await user.click(within(cardForm).getByRole('button', { name: 'Save card' }));
  expect(
    within(cardForm).getByText('Enter the 12 to 19 digits of the card number.'),
  ).toBeInTheDocument();
  expect(within(cardForm).getByText('Enter the expiry date as MM/YY.')).toBeInTheDocument();
  expect(within(cardForm).getByLabelText('Card number')).toHaveAttribute('aria-invalid', 'true');

  await user.clear(within(cardForm).getByLabelText('Card number'));
  await user.type(within(cardForm).getByLabelText('Card number'), '4111 1111 1111 1111');
  await user.clear(within(cardForm).getByLabelText('Expiry (MM/YY)'));
  await user.type(within(cardForm).getByLabelText('Expiry (MM/YY)'), '12/30');
  await user.clear(within(cardForm).getByLabelText('Security code'));
  await user.type(within(cardForm).getByLabelText('Security code'), '123');
  await user.click(within(cardForm).getByRole('button', { name: 'Save card' }));

  expect(await screen.findByText('•••• 1111')).toBeInTheDocument();
  expect(screen.queryByText(/4111 ?1111 ?1111 ?1111/)).not.toBeInTheDocument();
  await waitFor(() => expect(screen.getByRole('button', { name: /place order/i })).toBeEnabled());
  expect(JSON.stringify({ ...sessionStorage, ...localStorage })).not.toContain('4111111111111111');
});

test('signing out clears the account links and everything the shopper had loaded', async () => {
  await signInAs();
  const { user } = renderApp('/orders');
  await screen.findByRole('heading', { name: 'Your orders' });
  await user.click(await screen.findByRole('button', { name: 'Sign out' }));
  expect(await screen.findByRole('link', { name: 'Sign in' })).toBeInTheDocument();
  expect(screen.queryByRole('link', { name: 'Orders' })).not.toBeInTheDocument();
  expect(document.cookie).not.toContain('logged_in');
});
