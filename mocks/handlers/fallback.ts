import type { HttpHandler } from 'msw';
import { keepSession, reply, route, type HandlerOptions } from '../lib/http';

/** Express' default 404 for anything the front-end does not route (it also sets md.sid). */
export function fallbackHandlers(options: HandlerOptions): HttpHandler[] {
  return [
    route('all', '/*', options, (ctx) => {
      keepSession(ctx);
      const url = new URL(ctx.request.url);
      const path = url.pathname.slice(options.prefix.length) || '/';
      const escaped = path.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
      return reply(ctx, {
        status: 404,
        body: `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot ${ctx.request.method} ${escaped}</pre>\n</body>\n</html>\n`,
        contentType: 'text/html; charset=utf-8',
        headers: {
          'Content-Security-Policy': "default-src 'none'",
          'X-Content-Type-Options': 'nosniff',
        },
      });
    }),
  ];
}
