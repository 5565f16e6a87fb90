import type { HttpHandler } from 'msw';
import { mockNow } from '../config';
import { goTime, javaHealthDate } from '../lib/dates';
import { reply, route, type HandlerOptions } from '../lib/http';
import { getScenario } from '../scenarios';
import { paymentIsDown } from '../services/payment';

type Health =
  | { service: string; status: 'OK' | 'err'; date: string }
  | { service: string; status: 'OK' | 'err'; time: string };

/**
 * MOCK EXTENSION: the real front-end exposes no /health. This aggregates the back-end services'
 * own health documents (reference section 7: Java services write `date`, Go services `time`) so
 * a storefront can show "payments are having trouble" before checkout.
 */
export function healthHandlers(options: HandlerOptions): HttpHandler[] {
  return [
    route('get', '/health', options, (ctx) => {
      const now = mockNow();
      const java = (service: string, ok: boolean): Health => ({
        service,
        status: ok ? 'OK' : 'err',
        date: javaHealthDate(now),
      });
      const go = (service: string, ok: boolean): Health => ({
        service,
        status: ok ? 'OK' : 'err',
        time: goTime(now),
      });
      const ordersUp = getScenario() !== 'orders-down';
      const health: Health[] = [
        java('orders', ordersUp),
        java('orders-db', ordersUp),
        go('payment', !paymentIsDown(now)),
        java('carts', true),
        java('carts-db', true),
        go('catalogue', true),
        go('catalogue-db', true),
        go('user', true),
        go('user-db', true),
        java('shipping', true),
        java('shipping-rabbitmq', true),
      ];
      return reply(ctx, {
        status: 200,
        body: JSON.stringify({ health }),
        contentType: 'application/json; charset=utf-8',
      });
    }),
  ];
}
