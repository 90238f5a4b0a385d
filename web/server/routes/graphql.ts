// The browser's GraphQL endpoint: the site proxies /graphql to the CMS, so that pages only ever
// talk to their own origin (CSP connect-src 'self', no CORS, the CMS may stay private). The
// reader's IP travels as the CMS trusts it (server/utils/cms.ts).
export default defineEventHandler((event) => proxyRequest(event, `${cmsUrl()}/graphql`, { headers: forwardingHeaders(event) }));
