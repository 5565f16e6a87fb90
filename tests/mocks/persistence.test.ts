import { afterEach, describe, expect, it } from 'vitest';
import { SOCK, USER_ID } from '../../mocks/data/seed';
import {
  DB_STORAGE_KEY,
  cardsOf,
  disableDbPersistence,
  enableDbPersistence,
  listOrders,
  loadPersistedDb,
  resetDb,
  snapshotForStorage,
} from '../../mocks/db';
import {
  SCENARIO_STORAGE_KEY,
  enableScenarioPersistence,
  nextScenarioRandom,
} from '../../mocks/scenario-state';
import { getScenario, restoreScenario } from '../../mocks/scenarios';
import { addToCart, api, login, placeOrder, postJson, readJson } from './support';

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  disableDbPersistence();
  enableScenarioPersistence(null);
});

describe('db persistence', () => {
  it('never writes browser storage in Vitest unless enabled explicitly', async () => {
    await login();
    await addToCart(SOCK.classic);
    await placeOrder();
    await flush();
    expect(window.localStorage.getItem(DB_STORAGE_KEY)).toBeNull();
  });

  it('stores no full card number and no CCV anywhere (cards, orders, replayable responses)', async () => {
    const storage = new MemoryStorage();
    enableDbPersistence(storage);
    await login();
    await postJson('/cards', { longNum: '4000056655665556', expires: '01/31', ccv: '737' });
    await addToCart(SOCK.classic);
    expect((await placeOrder({ 'Idempotency-Key': 'persist-1' })).status).toBe(201);
    await flush();

    const stored = storage.getItem(DB_STORAGE_KEY) ?? '';
    expect(stored).not.toBe('');
    expect(stored).toBe(snapshotForStorage());
    for (const number of [
      '5544154011345918',
      '5953580604169678',
      '0908415193175205',
      '4000056655665556',
    ]) {
      expect(stored).not.toContain(number);
      expect(stored).toContain(`000000000000${number.slice(-4)}`);
    }
    expect(stored).not.toMatch(/ccv/i);
    const longNums = [...stored.matchAll(/longNum\\*":\\*"(\d*)/g)].map((m) => m[1]);
    expect(longNums.length).toBeGreaterThanOrEqual(6); // 4 cards, 1 order, 1 stored response
    for (const longNum of longNums) expect(longNum).toMatch(/^0+\d{4}$/);
    // Passwords are stored as salted hashes only.
    expect(stored).not.toMatch(/"password"/);
  });

  it('survives a reload: sessions, carts and orders come back; seed cards regain their number', async () => {
    const storage = new MemoryStorage();
    enableDbPersistence(storage);
    await login();
    await postJson('/cards', { longNum: '4000056655665556', expires: '01/31', ccv: '737' });
    await addToCart(SOCK.classic);
    const created = (await readJson(await placeOrder())) as { id: string };
    await addToCart(SOCK.crossed);
    await flush();

    // "Reload": the in-memory db is gone, the page loads it back.
    disableDbPersistence();
    resetDb();
    expect(listOrders()).toEqual([]);
    enableDbPersistence(storage);
    expect(loadPersistedDb()).toBe(true);

    expect(listOrders().map((o) => o.id)).toEqual([created.id]);
    expect(listOrders()[0]?.card.longNum).toBe('0000000000005918');
    const cards = cardsOf(USER_ID.user);
    expect(cards[0]).toMatchObject({ longNum: '5544154011345918', ccv: '958' });
    expect(cards[1]).toMatchObject({ longNum: '0000000000005556', ccv: '' });
    // The MSW cookie jar still holds md.sid, and the session is back: still the same cart.
    const cart = (await readJson(await api('/cart'))) as Array<{ itemId: string }>;
    expect(cart.map((i) => i.itemId)).toEqual([SOCK.classic, SOCK.crossed]);
  });

  it('ignores an unreadable snapshot', () => {
    const storage = new MemoryStorage();
    storage.setItem(DB_STORAGE_KEY, '{"version":1,"orders":"nope"}');
    enableDbPersistence(storage);
    expect(loadPersistedDb()).toBe(false);
  });
});

describe('scenario persistence (browser tab)', () => {
  it('takes ?scenario= from the URL, keeps it for the tab and falls back to it on the next load', () => {
    const storage = new MemoryStorage();
    expect(restoreScenario('?scenario=payment-down', storage)).toEqual({
      name: 'payment-down',
      ignored: null,
    });
    expect(JSON.parse(storage.getItem(SCENARIO_STORAGE_KEY) ?? '{}')).toMatchObject({
      name: 'payment-down',
    });

    resetDb();
    expect(getScenario()).toBe('healthy');
    expect(restoreScenario('?page=2', storage).name).toBe('payment-down');
    expect(restoreScenario('?scenario=bogus', storage)).toEqual({
      name: 'payment-down',
      ignored: 'bogus',
    });
    expect(restoreScenario('?scenario=healthy', storage).name).toBe('healthy');
    expect(storage.getItem(SCENARIO_STORAGE_KEY)).toBeNull();
  });

  it('payment-flaky goes on with its sequence after a reload instead of starting over', () => {
    const storage = new MemoryStorage();
    restoreScenario('?scenario=payment-flaky', storage);
    const firstLoad = [nextScenarioRandom(), nextScenarioRandom(), nextScenarioRandom()];

    // The same tab, fresh page: one more draw continues the sequence.
    resetDb();
    restoreScenario('', storage);
    const afterReload = nextScenarioRandom();

    resetDb();
    restoreScenario('?scenario=payment-flaky', storage); // choosing it again starts over
    const fromSeed = [
      nextScenarioRandom(),
      nextScenarioRandom(),
      nextScenarioRandom(),
      nextScenarioRandom(),
    ];
    expect(fromSeed.slice(0, 3)).toEqual(firstLoad);
    expect(afterReload).toBe(fromSeed[3]);
  });
});
