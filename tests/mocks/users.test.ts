import { describe, expect, it } from 'vitest';
import { USER_ID } from '../../mocks/data/seed';
import { api, basic, documentCookies, login, postJson, readJson } from './support';

describe('GET /login', () => {
  it('answers 200 "Cookie is set" and sets logged_in (visible to the page) plus an HttpOnly md.sid', async () => {
    const response = await login('user', 'password');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('Cookie is set');
    const setCookies = response.headers.getSetCookie();
    expect(setCookies[0]).toMatch(/^md\.sid=s%3A[\w-]{32}\.[\w%]{43,}; Path=\/; HttpOnly$/);
    expect(setCookies[1]).toMatch(
      /^logged_in=[\w-]{32}; Max-Age=3600; Path=\/; Expires=\w{3}, \d{2} \w{3} \d{4} [\d:]{8} GMT$/,
    );
    const cookies = documentCookies();
    expect(cookies.logged_in).toMatch(/^[\w-]{32}$/);
    // A page cannot see (or write) an HttpOnly cookie: md.sid lives in MSW's cookie jar.
    expect(cookies['md.sid']).toBeUndefined();
  });

  it('answers 401 with an empty body for a wrong password, an unknown user or no header', async () => {
    const attempts: Array<Record<string, string>> = [
      { Authorization: basic('user', 'nope') },
      { Authorization: basic('nobody', 'password') },
      {},
    ];
    for (const headers of attempts) {
      const response = await api('/login', { headers });
      expect(response.status).toBe(401);
      expect(await response.text()).toBe('');
    }
    expect(documentCookies().logged_in).toBeUndefined();
  });

  it('accepts the other seed users (Eve_Berger/eve, user1/password)', async () => {
    expect((await login('Eve_Berger', 'eve')).status).toBe(200);
    expect((await login('Eve_Berger', 'duis')).status).toBe(401);
    expect((await login('user1', 'password')).status).toBe(200);
  });

  it('carries the session on later requests: GET /customers/<anything> is the session customer', async () => {
    await login();
    const response = await api('/customers/ignored-id');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBeNull();
    expect(await readJson(response)).toEqual({
      firstName: 'User',
      lastName: 'Name',
      username: 'user',
      id: USER_ID.user,
      _links: {
        addresses: { href: `http://user/customers/${USER_ID.user}/addresses` },
        cards: { href: `http://user/customers/${USER_ID.user}/cards` },
        customer: { href: `http://user/customers/${USER_ID.user}` },
        self: { href: `http://user/customers/${USER_ID.user}` },
      },
    });
  });

  it('does not re-send md.sid once the session exists', async () => {
    await login();
    const again = await login();
    expect(again.headers.getSetCookie().some((c) => c.startsWith('md.sid='))).toBe(false);
    expect(again.headers.getSetCookie().some((c) => c.startsWith('logged_in='))).toBe(true);
  });
});

describe('GET /customers/:id without a session customer', () => {
  it('answers 200 with the user service error body', async () => {
    const response = await api('/customers/57a98d98e4b00679b4a830b2');
    expect(response.status).toBe(200);
    expect(await readJson(response)).toEqual({
      error: 'Invalid Id Hex',
      status_code: 500,
      status_text: 'Internal Server Error',
    });
  });

  it('still knows the customer after a client-side logout (only logged_in is deleted)', async () => {
    await login();
    document.cookie = 'logged_in=; Max-Age=0; Path=/';
    const me = (await readJson(await api('/customers/x'))) as { username: string };
    expect(me.username).toBe('user');
    // ...while cart and order routes treat the client as anonymous again.
    const orders = await api('/orders');
    expect(orders.status).toBe(500);
  });
});

describe('POST /register', () => {
  const newUser = {
    username: 'sock_fan',
    password: 's3cret',
    email: 'sock@example.com',
    firstName: 'Sock',
    lastName: 'Fan',
  };

  it('answers 200 {id} with the logged_in cookie and signs the session in', async () => {
    const response = await postJson('/register', newUser);
    expect(response.status).toBe(200);
    const body = (await readJson(response)) as { id: string };
    expect(body.id).toMatch(/^[0-9a-f]{24}$/);
    expect(documentCookies().logged_in).toBeTruthy();
    const me = (await readJson(await api('/customers/me'))) as { id: string; firstName: string };
    expect(me).toMatchObject({ id: body.id, firstName: 'Sock' });
    // and the new user can log in later
    expect((await login('sock_fan', 's3cret')).status).toBe(200);
  });

  it('answers 500 with an empty body for a taken username', async () => {
    const response = await postJson('/register', { ...newUser, username: 'user' });
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('');
  });

  it("answers the front-end's 500 for an unparseable JSON body", async () => {
    const response = await api('/register', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"username":',
    });
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await readJson(response)).toEqual({
      message: "Cannot read property 'logged_in' of undefined",
      error: {},
    });
  });
});

describe('conventions', () => {
  it('echoes X-Request-ID', async () => {
    const response = await api('/tags', { headers: { 'X-Request-ID': 'req-123' } });
    expect(response.headers.get('x-request-id')).toBe('req-123');
  });

  it('answers unknown routes with Express 404 and redirects trailing slashes', async () => {
    const missing = await api('/nope');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<pre>Cannot GET /nope</pre>');
    const redirected = await api('/tags/', { redirect: 'manual' });
    expect(redirected.status).toBe(301);
    expect(redirected.headers.get('location')).toBe('/api/tags');
  });
});

describe('GET /address and GET /card', () => {
  it('answer 200 {"status_code":500} when nothing is saved (and when not logged in)', async () => {
    for (const path of ['/address', '/card']) {
      const anonymous = await api(path);
      expect(anonymous.status).toBe(200);
      expect(await readJson(anonymous)).toEqual({ status_code: 500 });
    }
    await postJson('/register', {
      username: 'fresh',
      password: 'pw',
      email: 'f@example.com',
      firstName: 'F',
      lastName: 'R',
    });
    expect(await readJson(await api('/address'))).toEqual({ status_code: 500 });
    expect(await readJson(await api('/card'))).toEqual({ status_code: 500 });
  });

  it('return the first address (with id and links) and only the last 4 card digits', async () => {
    await login();
    expect(await readJson(await api('/address'))).toEqual({
      street: 'Whitelees Road',
      number: '246',
      country: 'United Kingdom',
      city: 'Glasgow',
      postcode: 'G67 3DL',
      id: '57a98d98e4b00679b4a830b0',
      _links: {
        address: { href: 'http://user/addresses/57a98d98e4b00679b4a830b0' },
        self: { href: 'http://user/addresses/57a98d98e4b00679b4a830b0' },
      },
    });
    expect(await readJson(await api('/card'))).toEqual({ number: '5918' });
  });
});

describe('POST /addresses and POST /cards', () => {
  it('save for the logged-in customer and answer 200 {id}', async () => {
    await postJson('/register', {
      username: 'newbie',
      password: 'pw',
      email: 'n@example.com',
      firstName: 'N',
      lastName: 'B',
    });
    const address = await postJson('/addresses', {
      number: '1',
      street: 'Sock Lane',
      city: 'Leeds',
      postcode: 'LS1 1AA',
      country: 'United Kingdom',
    });
    expect(address.status).toBe(200);
    expect(await readJson(address)).toEqual({ id: expect.stringMatching(/^[0-9a-f]{24}$/) });
    const card = await postJson('/cards', {
      longNum: '4111111111111111',
      expires: '12/30',
      ccv: '123',
    });
    expect(await readJson(card)).toEqual({ id: expect.stringMatching(/^[0-9a-f]{24}$/) });

    expect(await readJson(await api('/address'))).toMatchObject({
      street: 'Sock Lane',
      city: 'Leeds',
    });
    expect(await readJson(await api('/card'))).toEqual({ number: '1111' });
  });

  it('answer 200 with the user service error when not logged in', async () => {
    const response = await postJson('/addresses', {
      number: '1',
      street: 'x',
      city: 'y',
      postcode: 'z',
      country: 'w',
    });
    expect(response.status).toBe(200);
    expect(await readJson(response)).toEqual({
      error: 'Invalid Id Hex',
      status_code: 500,
      status_text: 'Internal Server Error',
    });
  });

  it('keep using the first address/card after another one is added', async () => {
    await login();
    await postJson('/cards', { longNum: '4000000000000002', expires: '01/31', ccv: '999' });
    expect(await readJson(await api('/card'))).toEqual({ number: '5918' });
  });
});
