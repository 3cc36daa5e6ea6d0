import { fail, ok, type Result } from '../../shared/errors';

/**
 * The company server's base URL (HTTP-SHAPE: `https://host:port`). Anything but https: is INSECURE_URL, decided
 * here before any connection is made (SPEC R-SRV-2); a path, query, fragment or credentials are refused as input.
 */
export function serverBase(raw: string): Result<URL> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return fail('VALIDATION', { field: 'url' });
  }
  if (url.protocol !== 'https:') return fail('INSECURE_URL', { field: 'url' });
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/') return fail('VALIDATION', { field: 'url' });
  return ok(url);
}
