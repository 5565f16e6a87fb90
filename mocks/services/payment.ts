import { getMockConfig, mockNow } from '../config';
import { PAYMENT_OUTAGE } from '../data/incident-3';
import { currentScenario, nextScenarioRandom } from '../scenario-state';

/** What the orders service gets back from `POST http://payment/paymentAuth`. */
export type PaymentOutcome =
  | { kind: 'authorised' }
  | { kind: 'declined'; message: string }
  /** Connection refused / 5xx: orders maps it to "unspecified IO error". */
  | { kind: 'unreachable'; reason: string }
  /** Slower than the orders service's timeout. */
  | { kind: 'timeout' };

function declineMessage(): string {
  return `Payment declined: amount exceeds ${getMockConfig().declineOverAmount.toFixed(2)}`;
}

/** Is the payment deployment running at all (scaled to 0 / refusing connections)? */
export function paymentIsDown(at: number = mockNow()): boolean {
  const scenario = currentScenario();
  switch (scenario.name) {
    case 'payment-down':
      return true;
    case 'payment-recovers':
      return at < scenario.since + getMockConfig().paymentRecoversAfterMs;
    case 'incident-3':
      return at >= PAYMENT_OUTAGE.from && at < PAYMENT_OUTAGE.to;
    default:
      return false;
  }
}

/** The payment service's rule (service.go): authorised iff amount <= declineOverAmount. */
export function authorisePayment(amount: number): PaymentOutcome {
  const scenario = currentScenario().name;
  if (paymentIsDown()) {
    return { kind: 'unreachable', reason: 'Connection refused' };
  }
  if (scenario === 'payment-slow') return { kind: 'timeout' };
  if (scenario === 'payment-declined') return { kind: 'declined', message: declineMessage() };
  if (scenario === 'payment-flaky' && nextScenarioRandom() < getMockConfig().flakyFailureRate) {
    return { kind: 'unreachable', reason: 'Connection reset by peer' };
  }
  return amount <= getMockConfig().declineOverAmount
    ? { kind: 'authorised' }
    : { kind: 'declined', message: declineMessage() };
}
