/** Identifiers shaped like the real ones: Mongo ObjectIds, UUIDs and express-session ids. */

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0').slice(-width);

function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  return bytes;
}

function randomHex(length: number): string {
  return Array.from(randomBytes(Math.ceil(length / 2)), (b) => hex(b, 2))
    .join('')
    .slice(0, length);
}

const machine = randomHex(10);
let counter = Number.parseInt(randomHex(6), 16);

/** A 24-hex Mongo ObjectId for the given creation time (seconds + machine + counter). */
export function objectId(atMs: number): string {
  counter = (counter + 1) % 0x1000000;
  return `${hex(Math.floor(atMs / 1000), 8)}${machine}${hex(counter, 6)}`;
}

export function uuid(): string {
  return globalThis.crypto.randomUUID();
}

const SID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A URL-safe random string (express-session ids are 32 such characters). */
export function randomToken(length: number): string {
  return Array.from(randomBytes(length), (b) => SID_ALPHABET[b % 64] ?? 'A').join('');
}
