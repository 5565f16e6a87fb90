import { describe, expect, it } from 'vitest';
import { SOCK, USER_ID } from '../../mocks/data/seed';
import type { CartItem, Sock } from '../../mocks/data/types';
import { cartItems } from '../../mocks/db';
import {
  addToCart,
  api,
  documentCookies,
  login,
  postJson,
  readJson,
  startAnonymousSession,
} from './support';

async function socks(query: string): Promise<Sock[] | null> {
  const response = await api(`/catalogue${query}`);
  expect(response.status).toBe(200);
  return (await readJson(response)) as Sock[] | null;
}

describe('GET /catalogue', () => {
  it('lists the 10 seed socks ordered by id, 10 per page by default, with no Content-Type', async () => {
    const response = await api('/catalogue');
    expect(response.headers.get('content-type')).toBeNull();
    const all = (await readJson(response)) as Sock[];
    expect(all).toHaveLength(10);
    expect(all.map((s) => s.id)).toEqual([...all.map((s) => s.id)].sort());
    expect(all[0]?.name).toBe('Holy');
    expect(all.at(-1)?.id).toBe(SOCK.classic);
  });

  it('pages with page/size and ignores sort', async () => {
    const page2 = await socks('?page=2&size=3&sort=price');
    expect(page2?.map((s) => s.name)).toEqual(['Weave special', 'Crossed', 'Figueroa']);
    expect(await socks('?page=5&size=3')).toEqual([]);
    expect(await socks('?page=0')).toEqual([]);
    expect(await socks('?size=0')).toEqual([]);
  });

  it('filters by tags (comma list) and lists only the matched tags', async () => {
    const result = await socks('?tags=blue,magic');
    expect(result?.map((s) => [s.name, s.tag])).toEqual([
      ['Holy', ['magic']],
      ['Colourful', ['blue']],
      ['Crossed', ['blue']],
      ['Figueroa', ['blue']],
      ['Nerd leg', ['blue']],
    ]);
  });

  it('answers null (not []) for an unknown tag', async () => {
    const response = await api('/catalogue?tags=plaid');
    expect(await response.text()).toBe('null');
  });

  it('answers 500 for a negative page', async () => {
    const response = await api('/catalogue?page=-1');
    expect(response.status).toBe(500);
  });
});

describe('GET /catalogue/size, /catalogue/:id, /tags', () => {
  it('counts socks, with and without tags', async () => {
    expect(await readJson(await api('/catalogue/size'))).toEqual({ size: 10, err: null });
    expect(await readJson(await api('/catalogue/size?tags=brown'))).toEqual({ size: 3, err: null });
    expect(await readJson(await api('/catalogue/size?tags=plaid'))).toEqual({ size: 0, err: null });
  });

  it('returns one sock (reference 9.1 verbatim)', async () => {
    expect(await readJson(await api(`/catalogue/${SOCK.nerdLeg}`))).toEqual({
      id: 'a0a4f044-b040-410d-8ead-4de0446aec7e',
      name: 'Nerd leg',
      description:
        'For all those leg lovers out there. A perfect example of a swivel chair trained calf. Meticulously trained on a diet of sitting and Pina Coladas. Phwarr...',
      imageUrl: ['/catalogue/images/bit_of_leg_1.jpeg', '/catalogue/images/bit_of_leg_2.jpeg'],
      price: 7.99,
      count: 115,
      tag: ['blue', 'skin'],
    });
  });

  it('answers 200 with an error body for an unknown id', async () => {
    const response = await api('/catalogue/nope');
    expect(response.status).toBe(200);
    expect(await readJson(response)).toEqual({
      error: 'not found',
      status_code: 404,
      status_text: 'Not Found',
    });
  });

  it('lists the tags', async () => {
    expect(await readJson(await api('/tags'))).toEqual({
      tags: [
        'brown',
        'geek',
        'formal',
        'blue',
        'skin',
        'red',
        'action',
        'sport',
        'black',
        'magic',
        'green',
      ],
      err: null,
    });
  });
});

describe('GET /catalogue/images/:file', () => {
  it('serves an SVG placeholder for every seed image and sets the session cookie', async () => {
    const list = (await socks('?size=100')) ?? [];
    for (const url of list.flatMap((s) => s.imageUrl)) {
      const response = await api(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/svg+xml');
      expect(await response.text()).toMatch(/^<svg [^>]*>.*<\/svg>$/s);
    }
    expect(documentCookies()['md.sid']).toBeUndefined(); // HttpOnly, so only MSW's jar has it
  });

  it('answers 404 for an unknown image', async () => {
    expect((await api('/catalogue/images/nope.jpg')).status).toBe(404);
  });
});

async function cart(): Promise<CartItem[]> {
  const response = await api('/cart');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBeNull();
  return (await readJson(response)) as CartItem[];
}

describe('anonymous cart', () => {
  it('is lost between requests without md.sid: relayed routes never set the session cookie', async () => {
    const added = await addToCart(SOCK.crossed);
    expect(added.status).toBe(201);
    expect(added.headers.getSetCookie()).toEqual([]);
    expect(await cart()).toEqual([]);
  });

  it('is kept once a session cookie exists (a product image sets it)', async () => {
    await startAnonymousSession();
    await addToCart(SOCK.crossed);
    await addToCart(SOCK.crossed);
    const items = await cart();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ itemId: SOCK.crossed, quantity: 2, unitPrice: 17.32 });
    expect(items[0]?.id).toMatch(/^[0-9a-f]{24}$/);
  });

  it('is merged into the customer cart at login', async () => {
    await login('user1', 'password'); // user1 already has a line
    await addToCart(SOCK.nerdLeg);
    document.cookie = 'logged_in=; Max-Age=0; Path=/'; // logout keeps the session, drops logged_in

    await addToCart(SOCK.nerdLeg); // anonymous now: owned by the session id
    await addToCart(SOCK.holy);
    expect((await cart()).map((i) => [i.itemId, i.quantity])).toEqual([
      [SOCK.nerdLeg, 1],
      [SOCK.holy, 1],
    ]);

    expect((await login('user1', 'password')).status).toBe(200);
    expect((await cart()).map((i) => [i.itemId, i.quantity])).toEqual([
      [SOCK.nerdLeg, 2],
      [SOCK.holy, 1],
    ]);
    expect(cartItems(USER_ID.user1)).toHaveLength(2);
  });
});

describe('cart changes (logged in)', () => {
  it('adds, updates, deletes one line and empties the cart', async () => {
    await login();
    expect((await addToCart(SOCK.weaveSpecial)).status).toBe(201);
    expect((await addToCart(SOCK.classic)).status).toBe(201);

    const updated = await postJson('/cart/update', { id: SOCK.weaveSpecial, quantity: 3 });
    expect(updated.status).toBe(202);
    expect(await updated.text()).toBe('');
    expect((await cart()).find((i) => i.itemId === SOCK.weaveSpecial)?.quantity).toBe(3);

    const deleted = await api(`/cart/${SOCK.classic}`, { method: 'DELETE' });
    expect(deleted.status).toBe(202);
    expect((await cart()).map((i) => i.itemId)).toEqual([SOCK.weaveSpecial]);

    expect((await api('/cart', { method: 'DELETE' })).status).toBe(202);
    expect(await cart()).toEqual([]);
    expect(cartItems(USER_ID.user)).toEqual([]);
  });

  it('answers the front-end errors for missing fields and unknown lines', async () => {
    await login();
    const noId = await postJson('/cart', {});
    expect(noId.status).toBe(500);
    expect(await readJson(noId)).toEqual({ message: 'Must pass id of item to add', error: {} });

    const noQuantity = await postJson('/cart/update', { id: SOCK.holy });
    expect(await readJson(noQuantity)).toEqual({
      message: 'Must pass quantity to update',
      error: {},
    });

    const notInCart = await postJson('/cart/update', { id: SOCK.holy, quantity: 2 });
    expect(notInCart.status).toBe(500);

    expect((await api(`/cart/${SOCK.holy}`, { method: 'DELETE' })).status).toBe(500);
  });

  it('adds an unknown catalogue id as itemId "" with price 0 (reference 13.6)', async () => {
    await login();
    expect((await addToCart('not-a-sock')).status).toBe(201);
    expect(await cart()).toEqual([
      expect.objectContaining({ itemId: '', unitPrice: 0, quantity: 1 }),
    ]);
  });

  it('drops the connection for an id containing "/" (the real process crashes)', async () => {
    await login();
    await expect(addToCart('a/b')).rejects.toThrow();
  });
});
