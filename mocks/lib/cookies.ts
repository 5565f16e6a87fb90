import { httpDate } from './dates';

/** Cookie helpers for the two cookies of the real front-end: `md.sid` and `logged_in`. */
export const SESSION_COOKIE = 'md.sid';
export const LOGGED_IN_COOKIE = 'logged_in';
const LOGGED_IN_MAX_AGE_S = 3600;

export function parseCookieHeader(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = {};
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      // keep the raw value
    }
    if (name && !(name in cookies)) cookies[name] = value;
  }
  return cookies;
}

/**
 * express-session signs the id with cookie-signature (HMAC-SHA256, secret "sooper secret").
 * WebCrypto HMAC is async and this is a mock, so the signature here is a stand-in hash of the
 * same shape (43 base64 characters): tampered cookies are still rejected.
 */
function fakeSignature(sid: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  let out = '';
  const input = `sooper secret:${sid}`;
  for (let round = 0; out.length < 43; round += 1) {
    for (let i = 0; i < input.length; i += 1) {
      const c = input.charCodeAt(i) + round;
      h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ (c + h1), 0x5bd1e995) >>> 0;
    }
    out += alphabet[h1 % 64] ?? 'A';
    out += alphabet[h2 % 64] ?? 'A';
  }
  return out.slice(0, 43);
}

/** `s:<sid>.<sig>`, the decoded value of `md.sid`. */
export function signSessionId(sid: string): string {
  return `s:${sid}.${fakeSignature(sid)}`;
}

/** The session id inside a (decoded or still encoded) `md.sid` value, or null if unsigned/tampered. */
export function unsignSessionId(value: string | undefined): string | null {
  if (!value) return null;
  let decoded = value;
  if (decoded.startsWith('s%3A')) {
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      return null;
    }
  }
  if (!decoded.startsWith('s:')) return null;
  const dot = decoded.lastIndexOf('.');
  if (dot < 3) return null;
  const sid = decoded.slice(2, dot);
  return decoded.slice(dot + 1) === fakeSignature(sid) ? sid : null;
}

export interface CookieFlavour {
  /** HttpOnly on md.sid (the real server's default). */
  httpOnly: boolean;
}

/** `md.sid=s%3A<sid>.<sig>; Path=/; HttpOnly` (browser-session lifetime). */
export function sessionSetCookie(sid: string, flavour: CookieFlavour): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(signSessionId(sid))}; Path=/${flavour.httpOnly ? '; HttpOnly' : ''}`;
}

/** `logged_in=<sid>; Max-Age=3600; Path=/; Expires=…` (not HttpOnly), as Express' res.cookie writes it. */
export function loggedInSetCookie(sid: string, now: number): string {
  return `${LOGGED_IN_COOKIE}=${encodeURIComponent(sid)}; Max-Age=${LOGGED_IN_MAX_AGE_S}; Path=/; Expires=${httpDate(now + LOGGED_IN_MAX_AGE_S * 1000)}`;
}
