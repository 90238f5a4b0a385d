// Which URLs the page cache keeps (server/multiCache.serverOptions.ts): the pages of the four
// languages and the sitemap. Never: the self-service page (personal data), the Atlas's form to add an
// organisation (a form token per response, a reader's values after a refused post), search results (one page
// per query anyone can type), a preview (drafts, the
// `/<locale>/preview` link or a page with `?preview=`), the site's API, its GraphQL proxy, uploads.
import { LOCALES, searchLocale, selfServiceLocale } from './routes';
import { PREVIEW_PARAM } from './preview';
import { submissionPageLocale } from './organisation-submission';
import { kitPageLocale } from './module-use';

/**
 * Seconds a page stays fresh without a purge (NUXT_CONTENT_TTL): the CMS purges what its changes
 * touch within seconds; this is the safety net, and the refresh of what changes with time alone
 * (a session's places left, its registration opening).
 */
export const CONTENT_TTL = Number(process.env.NUXT_CONTENT_TTL ?? 60);
/**
 * Seconds a page stays in the cache from its rendering (NUXT_CACHE_TTL, a day): past its
 * NUXT_CONTENT_TTL it is rendered again, and while the CMS is unreachable this copy serves
 * (stale-if-error), but not for ever; a URL nobody asks for again leaves the cache too.
 */
export const CACHE_LIFETIME = Number(process.env.NUXT_CACHE_TTL ?? 86_400);

const PAGE = new RegExp(`^/(${LOCALES.join('|')})(/|$)`);
const PREVIEW_QUERY = new RegExp(`[?&]${PREVIEW_PARAM}=`);

export function isPageCached(url: string): boolean {
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  if (path === '/sitemap.xml') return true;
  if (!PAGE.test(path) || selfServiceLocale(path) || searchLocale(path) || submissionPageLocale(path)) return false;
  // A kit's page carries the "I use this module" form: a form token per response.
  if (kitPageLocale(path)) return false;
  if (/^\/[a-z]{2}\/preview\/?$/.test(path)) return false;
  return query === -1 || !PREVIEW_QUERY.test(url.slice(query));
}
