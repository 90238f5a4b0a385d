// The browser's GraphQL endpoint: the site proxies /graphql to the CMS, so that pages only ever
// talk to their own origin (CSP connect-src 'self', no CORS, the CMS may stay private).
export default defineEventHandler((event) => {
  return proxyRequest(event, `${cmsUrl()}/graphql`, {
    headers: { 'x-forwarded-host': getRequestHost(event) },
  });
});
