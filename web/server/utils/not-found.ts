import type { H3Event } from 'h3';

/** A plain-text 404 that no cache keeps: what the file routes (uploads, open data) answer for anything they do not serve. */
export function plainNotFound(event: H3Event) {
  setResponseStatus(event, 404);
  setResponseHeaders(event, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  return 'Not Found';
}
