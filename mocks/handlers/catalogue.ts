import type { HttpHandler } from 'msw';
import type { Sock } from '../data/types';
import { findSock, listSocks, listTags } from '../db';
import { findImage, sockImageSvg } from '../lib/images';
import { keepSession, nodeError, rawJson, reply, route, type HandlerOptions } from '../lib/http';
import { getScenario } from '../scenarios';

/** Go's strconv.Atoi with the error ignored: anything but an integer reads as 0. */
function atoi(value: string | null, fallback: number): number {
  if (value === null || value === '') return fallback;
  return /^[+-]?\d+$/.test(value) ? Number.parseInt(value, 10) : 0;
}

function requestedTags(url: URL): string[] {
  const raw = url.searchParams.get('tags');
  return raw ? raw.split(',').filter((t) => t !== '') : [];
}

/**
 * The catalogue's SQL: with a tag filter, socks having any of the tags, each listing only the
 * matched tags; no rows at all is a nil slice, i.e. `null`. Always ordered by id (`sort` ignored).
 */
function filterSocks(tags: string[]): Sock[] | null {
  const byId = [...listSocks()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (tags.length === 0) return byId.map((s) => ({ ...s, tag: [...s.tag] }));
  const matched = byId
    .map((s) => ({ ...s, tag: s.tag.filter((t) => tags.includes(t)) }))
    .filter((s) => s.tag.length > 0);
  return matched.length === 0 ? null : matched;
}

const notFound = { error: 'not found', status_code: 404, status_text: 'Not Found' };

export function catalogueHandlers(options: HandlerOptions): HttpHandler[] {
  return [
    route('get', '/catalogue/size', options, (ctx) => {
      const url = new URL(ctx.request.url);
      const socks = filterSocks(requestedTags(url));
      if (getScenario() === 'malformed')
        return rawJson(ctx, 200, { size: String(socks?.length ?? 0), err: 0 });
      return rawJson(ctx, 200, { size: socks?.length ?? 0, err: null });
    }),

    route('get', '/catalogue/images/:file', options, (ctx, params) => {
      keepSession(ctx);
      const image = findImage(listSocks(), params.file ?? '');
      if (!image) {
        return reply(ctx, {
          status: 404,
          body: '404 page not found\n',
          contentType: 'text/plain; charset=utf-8',
        });
      }
      return reply(ctx, {
        status: 200,
        body: sockImageSvg(image.sock, image.variant),
        contentType: 'image/svg+xml',
        headers: { 'Cache-Control': 'public, max-age=0' },
      });
    }),

    route('get', '/catalogue/:id', options, (ctx, params) => {
      const sock = findSock(params.id ?? '');
      if (!sock) return rawJson(ctx, 200, notFound);
      if (getScenario() === 'malformed') {
        // Wrong types: a client must validate, not trust, the shape.
        return rawJson(ctx, 200, {
          id: sock.id,
          name: 42,
          description: null,
          imageUrl: sock.imageUrl[0],
          price: String(sock.price),
          count: '∞',
          tag: sock.tag.join(','),
        });
      }
      return rawJson(ctx, 200, sock);
    }),

    route('get', '/catalogue', options, (ctx) => {
      const url = new URL(ctx.request.url);
      const page = atoi(url.searchParams.get('page'), 1);
      const size = atoi(url.searchParams.get('size'), 10);
      if (page < 0 || size < 0) {
        // The catalogue panics on a negative slice bound; the front-end sees the socket close.
        return nodeError(ctx, 'socket hang up', { code: 'ECONNRESET' });
      }
      const socks = filterSocks(requestedTags(url));
      let body: Sock[] | null;
      if (socks === null) body = null;
      else {
        const start = page * size - size;
        body =
          start > socks.length || page === 0 || size === 0
            ? []
            : socks.slice(Math.max(start, 0), page * size);
      }
      if (getScenario() === 'malformed') {
        const text = JSON.stringify(body);
        return reply(ctx, {
          status: 200,
          body: text.slice(0, Math.max(1, Math.floor(text.length / 2))),
        });
      }
      return rawJson(ctx, 200, body);
    }),

    route('get', '/tags', options, (ctx) => {
      if (getScenario() === 'malformed') {
        return rawJson(ctx, 200, {
          error: 'Internal Server Error',
          status_code: 500,
          status_text: 'Internal Server Error',
        });
      }
      return rawJson(ctx, 200, { tags: listTags(), err: null });
    }),
  ];
}
