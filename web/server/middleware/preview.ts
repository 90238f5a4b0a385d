import { localizedPath, isLocale } from '#shared/routes';
import { packPreview, PREVIEW_PAGES, PREVIEW_PARAM, unpackPreview, type PreviewFields } from '#shared/preview';
import { verifyPreview, type PreviewRequest } from '../utils/signatures';

// The editors' preview (SECURITY.md). The CMS's preview panel frames `/<locale>/preview?type&
// documentId&locale&status&expires&sig` (cms/src/publishing/preview.ts). Checked here: a good link
// is sent on to the entry's real page (its slug asked from the CMS with the preview token) with the
// same signed fields in `?preview=`, so that the page renders, and hydrates, as itself; a changed or
// expired one goes on to the localized 404. On the real page `?preview=` is checked again, and its
// request (event.context.preview) reads drafts server-side (app/plugins/urql.server.ts). Neither is
// cached, stored by a browser, indexed, or framed by anyone but the admin (server/plugins/preview-headers.ts).
const PREVIEW_PATH = /^\/([a-z]{2})\/preview\/?$/;

export default defineEventHandler(async (event) => {
  const url = getRequestURL(event);
  const query = getQuery(event);
  const landing = PREVIEW_PATH.exec(url.pathname);
  const packed = typeof query[PREVIEW_PARAM] === 'string' ? (query[PREVIEW_PARAM] as string) : undefined;
  if (!landing && packed === undefined) return;
  setResponseHeaders(event, { 'cache-control': 'no-store', 'x-robots-tag': 'noindex, nofollow' });
  const secret = process.env.PREVIEW_SECRET ?? '';
  if (landing) {
    const request = verifyPreview(secret, query);
    event.context.preview = request ? 'landing' : 'invalid';
    if (!request || !isLocale(landing[1]) || request.locale !== landing[1]) return;
    const target = await previewTarget(request);
    if (!target) return;
    const fields = Object.fromEntries(
      ['type', 'documentId', 'locale', 'status', 'expires', 'sig'].map((name) => [name, String(query[name])]),
    ) as unknown as PreviewFields;
    return sendRedirect(event, `${target}?${PREVIEW_PARAM}=${encodeURIComponent(packPreview(fields))}`, 302);
  }
  const fields = unpackPreview(packed!);
  const request = fields ? verifyPreview(secret, fields as unknown as Record<string, unknown>) : null;
  event.context.preview = request && process.env.CMS_PREVIEW_TOKEN ? request : 'invalid';
});

/** The real page of the previewed entry, in its locale: its slug as the preview shows it. */
async function previewTarget(request: PreviewRequest): Promise<string | null> {
  const page = PREVIEW_PAGES[request.type];
  const token = process.env.CMS_PREVIEW_TOKEN;
  if (!page || !token || !isLocale(request.locale)) return null;
  if (!page.field) return localizedPath(request.locale, page.page);
  const status = request.status === 'published' ? 'PUBLISHED' : 'DRAFT';
  const result = await $fetch<{ data?: Record<string, { slug?: string } | null> }>(`${cmsUrl()}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: {
      query: `query PreviewSlug($documentId: ID!, $locale: I18NLocaleCode, $status: PublicationStatus) { entry: ${page.field}(documentId: $documentId, locale: $locale, status: $status) { slug } }`,
      variables: { documentId: request.documentId, locale: request.locale, status },
    },
    ignoreResponseError: true,
    timeout: 15_000,
  }).catch(() => null);
  const slug = result?.data?.entry?.slug;
  return slug ? localizedPath(request.locale, page.page, slug) : null;
}
