// A preview (server/middleware/preview.ts) is framed by the admin's preview panel: its response may
// be framed by the admin's origin (PREVIEW_ADMIN_ORIGIN, else the CMS's URL) and no other; every
// other response keeps `frame-ancestors 'none'` and X-Frame-Options DENY (nuxt.config security).
// Also never stored: whatever a page sets, a preview leaves `no-store`.
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('beforeResponse', (event) => {
    const preview = event.context.preview;
    if (!preview) return;
    setResponseHeaders(event, { 'cache-control': 'no-store', 'x-robots-tag': 'noindex, nofollow' });
    const csp = getResponseHeader(event, 'content-security-policy');
    // Its 404 too (a link that expired in the panel): the page says so, instead of a blocked frame.
    if (typeof csp === 'string') {
      setResponseHeader(
        event,
        'content-security-policy',
        csp.replace(/frame-ancestors [^;]+/, `frame-ancestors ${adminOrigins()}`),
      );
      removeResponseHeader(event, 'x-frame-options');
    }
  });
});

/** PREVIEW_ADMIN_ORIGIN: the admin's origin (several, space-separated: `localhost` and `127.0.0.1`). */
function adminOrigins(): string {
  const configured = (process.env.PREVIEW_ADMIN_ORIGIN || useRuntimeConfig().cmsUrl).split(/\s+/).filter(Boolean);
  const origins = configured.flatMap((value) => {
    try {
      return [new URL(value).origin];
    } catch {
      return [];
    }
  });
  return origins.length ? origins.join(' ') : "'none'";
}
