// A webinar's calendar file (`/calendar/webinars/<locale>/<slug>.ics`, the "add to my calendar"
// link of its page), built by the CMS from the published webinar (cms/src/api/webinar/calendar.ts)
// and passed on from the site's own origin: a download, as data (a CSP that runs nothing, nosniff).
const FILE_PATH = /^(?:fr|en|it|es)\/[a-z0-9-]{1,200}\.ics$/;

export default defineEventHandler(async (event) => {
  if (event.method !== 'GET' && event.method !== 'HEAD') return plainNotFound(event);
  const path = getRouterParam(event, 'path') ?? '';
  if (!FILE_PATH.test(path)) return plainNotFound(event);
  const response = await fetch(`${cmsUrl()}/api/webinar-calendar/${path}`, { redirect: 'manual' }).catch(() => null);
  if (!response || response.status !== 200) {
    await response?.body?.cancel().catch(() => {});
    return plainNotFound(event);
  }
  setResponseHeaders(event, {
    'content-type': 'text/calendar; charset=utf-8',
    'content-disposition': `attachment; filename="${path.split('/').pop()}"`,
    'cache-control': 'public, no-cache',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'; sandbox",
  });
  const body = await response.text();
  return event.method === 'HEAD' ? '' : body;
});
