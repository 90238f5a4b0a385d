import { negotiateLocale } from '#shared/negotiate';

// `/` has no page of its own: it sends the reader to their language, chosen from Accept-Language,
// on the server (works without JavaScript). Never cached: the answer varies with the header.
export default defineEventHandler((event) => {
  if (event.path !== '/' && !event.path.startsWith('/?')) return;
  const locale = negotiateLocale(getRequestHeader(event, 'accept-language'));
  setResponseHeaders(event, { vary: 'Accept-Language', 'cache-control': 'private, no-store' });
  const query = event.path.slice(1);
  return sendRedirect(event, `/${locale}${query}`, 302);
});
