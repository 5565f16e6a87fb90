/** Ids that are safe to put in a URL path or a query string unescaped (Mongo ObjectIds, UUIDs). */
const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The id of a Spring Data REST / HAL entity: its `id` field when it has one, else the last path
 * segment of `_links.self.href` (`http://orders/orders/<id>`). Undefined unless it is a safe id.
 */
export function halEntityId(
  id: string | null | undefined,
  selfHref: string | undefined,
): string | undefined {
  const fromLink = selfHref?.split(/[?#]/)[0]?.split('/').filter(Boolean).pop();
  const candidate = id ?? fromLink;
  return candidate && SAFE_ID.test(candidate) ? candidate : undefined;
}
