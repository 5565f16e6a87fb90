/**
 * The closed set of ways a call to the Sock Shop API can fail. Screens switch on `kind`, never on
 * HTTP status codes or backend strings; the raw details are kept for telemetry only.
 */
export type ApiErrorKind =
  /** 406 PaymentDeclinedException: the payment service refused the amount. */
  | 'payment-declined'
  /** 406 InvalidOrderException: the customer has no address or card (or no items). */
  | 'invalid-order'
  /** 500 IllegalStateException "unspecified IO error": payment (or another service) unreachable. */
  | 'payment-unavailable'
  /** 500 IllegalStateException "timeout from one of the services": outcome unknown. */
  | 'upstream-timeout'
  /** The orders (or another) service is unreachable: Node ECONNREFUSED body, 502, 503, 504. */
  | 'service-unavailable'
  /** The session has no signed-in customer ("User not logged in."). */
  | 'not-signed-in'
  /** 401: the credentials were refused. */
  | 'unauthorized'
  /** 404, or a 200 whose body says status_code 404. */
  | 'not-found'
  /** 409: the same request is still being processed (idempotency). */
  | 'conflict'
  /** 422: the idempotency key was reused with a different request. */
  | 'unprocessable'
  /** Any other server failure, including "200 with an error body". */
  | 'server'
  /** The request never got an answer (offline, DNS, connection reset). */
  | 'network'
  /** The storefront stopped waiting for an answer. */
  | 'timeout'
  /** The answer could not be understood (bad JSON, unexpected shape). */
  | 'malformed';

export interface ApiErrorDetails {
  method: string;
  path: string;
  status?: number;
  /** The response body, truncated, for telemetry. Never shown to shoppers. */
  body?: string;
  /** Spring's `exception` class name, when the body had one. */
  exception?: string;
  /** The backend's own message, for telemetry. */
  backendMessage?: string;
  /** Why the body was rejected, for `malformed`. */
  issues?: string;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  /** The correlation id sent as X-Request-ID; shown to shoppers as the reference for support. */
  readonly requestId: string;
  readonly details: ApiErrorDetails;

  constructor(kind: ApiErrorKind, requestId: string, details: ApiErrorDetails) {
    super(
      `${kind}: ${details.method} ${details.path}${details.status ? ` -> ${details.status}` : ''}`,
    );
    this.kind = kind;
    this.requestId = requestId;
    this.details = details;
  }

  get status(): number | undefined {
    return this.details.status;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Failures worth asking again for a read: the answer may differ a moment later. */
export function isTransient(error: unknown): boolean {
  if (!isApiError(error)) return false;
  if (error.kind === 'network' || error.kind === 'timeout') return true;
  const status = error.status;
  return status === 502 || status === 503 || status === 504;
}
