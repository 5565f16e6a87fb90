import { apiUrl } from './api-client';

/** Catalogue image paths (`/catalogue/images/x.jpg`) are API paths: serve them through the API base. */
export function imageSrc(path: string | undefined): string | undefined {
  if (!path || !path.startsWith('/catalogue/images/')) return undefined;
  return apiUrl(path);
}
