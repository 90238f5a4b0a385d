// Nuxt renders its error page through a request of the server to itself, `/__nuxt_error?<the
// error>`. Only those requests (made in process by Nitro's local fetch, whose mock request carries
// `__unenv__`; no client can set that) may reach it. From outside it is a plain 404 that shows
// nothing of what was asked: no query decides a status or a message, and none is echoed (Nuxt 4.6
// refuses them too, but with the app's 404 page, whose payload carries the URL asked for).
export default defineEventHandler((event) => {
  if (!event.path.startsWith('/__nuxt_error') || '__unenv__' in event.node.req) return;
  setResponseStatus(event, 404);
  setResponseHeaders(event, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  return 'Not Found';
});
