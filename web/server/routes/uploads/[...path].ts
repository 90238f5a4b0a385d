// CMS uploads (images) through the site: same origin, no third-party host.
export default defineEventHandler((event) => {
  const path = getRouterParam(event, 'path') ?? '';
  if (path.includes('..')) throw createError({ statusCode: 400 });
  return proxyRequest(event, `${cmsUrl()}/uploads/${path}`);
});
