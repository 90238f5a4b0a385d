// robots.txt: everything public may be indexed; the GraphQL proxy is not a page. (A route of our
// own rather than @nuxtjs/robots, whose client plugin cost ~KBs of JavaScript on every page.)
export default defineEventHandler((event) => {
  const siteUrl = useRuntimeConfig(event).public.siteUrl.replace(/\/$/, '');
  setResponseHeader(event, 'content-type', 'text/plain; charset=utf-8');
  return `User-agent: *\nAllow: /\nDisallow: /graphql\n\nSitemap: ${siteUrl}/sitemap.xml\n`;
});
