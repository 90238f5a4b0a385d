// robots.txt: everything public may be indexed; the GraphQL proxy is not a page. (Five lines of our
// own rather than @nuxtjs/robots, which also adds an X-Robots-Tag header and a client plugin.)
export default defineEventHandler((event) => {
  const siteUrl = useRuntimeConfig(event).public.siteUrl.replace(/\/$/, '');
  setResponseHeader(event, 'content-type', 'text/plain; charset=utf-8');
  return `User-agent: *\nAllow: /\nDisallow: /graphql\n\nSitemap: ${siteUrl}/sitemap.xml\n`;
});
