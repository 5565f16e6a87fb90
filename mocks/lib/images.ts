import type { Sock } from '../data/types';

/**
 * Placeholder product images: a small SVG per sock, so `<img src="/api/catalogue/images/…">` works
 * without binary assets. The real server sends JPEGs; the file names are kept, the bytes are SVG
 * (served as image/svg+xml, which browsers render whatever the extension).
 */
const PALETTE: Record<string, string> = {
  black: '#2d2d2d',
  blue: '#2f6fb3',
  brown: '#8a5a35',
  green: '#3f8f4f',
  red: '#c0392b',
  skin: '#e0ac8a',
  magic: '#7d4cc2',
  geek: '#1f9e98',
  sport: '#e67e22',
  formal: '#4a4a6a',
  action: '#d35400',
};

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function sockImageSvg(sock: Sock, variant: number): string {
  const base = PALETTE[sock.tag[0] ?? ''] ?? '#777777';
  const accent = PALETTE[sock.tag[1] ?? ''] ?? '#bbbbbb';
  const background = variant === 0 ? '#f4f1ec' : '#e9eef4';
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400" role="img"',
    ` aria-label="${escapeXml(sock.name)}">`,
    `<rect width="400" height="400" fill="${background}"/>`,
    `<path d="M150 40h110v190c0 20 10 30 30 45l40 30c25 20 20 60-15 60H185c-40 0-60-25-60-60V40z" fill="${base}"/>`,
    `<rect x="150" y="40" width="110" height="40" fill="${accent}"/>`,
    `<rect x="150" y="100" width="110" height="14" fill="${accent}" opacity="0.6"/>`,
    `<text x="200" y="385" font-family="sans-serif" font-size="22" text-anchor="middle" fill="#333">${escapeXml(sock.name)}</text>`,
    '</svg>',
  ].join('');
}

/** The sock and image variant behind `/catalogue/images/<file>`, if any. */
export function findImage(
  socks: readonly Sock[],
  file: string,
): { sock: Sock; variant: number } | null {
  for (const sock of socks) {
    const variant = sock.imageUrl.findIndex((url) => url.endsWith(`/${file}`));
    if (variant >= 0) return { sock, variant };
  }
  return null;
}
