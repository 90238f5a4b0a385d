// The browser's GraphQL endpoint: the site proxies /graphql to the CMS, so that pages only ever
// talk to their own origin (CSP connect-src 'self', no CORS, the CMS may stay private).
//
// The CMS rate-limits registrations per reader IP: with SITE_FORWARDING_SECRET set (the same on
// both sides) the proxy tells it the reader's address; a client can never supply either header
// itself (both are overwritten or dropped here).
export default defineEventHandler((event) => {
  const secret = process.env.SITE_FORWARDING_SECRET ?? '';
  const headers: Record<string, string> = { 'x-forwarded-host': getRequestHost(event), 'x-site-forwarding-secret': '' };
  const ip = getRequestIP(event, { xForwardedFor: process.env.IS_PROXIED === 'true' });
  if (secret && ip) Object.assign(headers, { 'x-forwarded-for': ip, 'x-site-forwarding-secret': secret });
  else headers['x-forwarded-for'] = ip ?? '';
  return proxyRequest(event, `${cmsUrl()}/graphql`, { headers });
});
