// Which query parameters make a page another page: the one rule of the page cache (the swr cache
// of nuxt.config routeRules, server/plugins/page-query.ts), kept here so that whatever else keys
// pages (a tag-based cache, a filtered page's canonical link) reads them the same way.
import { LIST_FILTERS } from './filters';
import { OUTCOME_PARAM, PLACES_PARAM } from '../layers/registration/shared/registration';
import { isLocale, SEARCH_PATHS, SECTIONS, SELF_SERVICE_PATHS, STATIC_PAGES, type Section } from './routes';

/** What the search page reads: the words, the type it narrows to, the page. */
export const SEARCH_PARAMS = ['page', 'q', 'type'] as const;

/**
 * The query parameters the page at `pathname` reads: a list's filters (and the Atlas's `page`), the
 * outcome of a registration on a session page, the self-service page's token and notice; none
 * elsewhere. Any other parameter (`utm_source`, `fbclid`, `?x=<random>`) changes nothing it shows.
 */
export function pageQueryParams(pathname: string): readonly string[] {
  const [locale, first, ...rest] = pathname.split('/').filter(Boolean);
  if (!isLocale(locale) || !first) return [];
  const tail = [first, ...rest].join('/');
  if (tail === SELF_SERVICE_PATHS[locale]) return ['notice', 'token'];
  if (tail === SEARCH_PATHS[locale]) return SEARCH_PARAMS;
  if (tail === STATIC_PAGES['training-sessions-past'][locale]) return LIST_FILTERS['training-sessions'];
  const section = (Object.keys(SECTIONS) as Section[]).find((name) => SECTIONS[name][locale] === first);
  if (!section) return [];
  if (!rest.length)
    return section === 'organisations'
      ? [...LIST_FILTERS.organisations, 'page', 'view']
      : section === 'job-offers'
        ? [...LIST_FILTERS['job-offers'], 'page']
        : ((LIST_FILTERS as Partial<Record<Section, readonly string[]>>)[section] ?? []);
  return section === 'training-sessions' && rest.length === 1 ? [OUTCOME_PARAM, PLACES_PARAM] : [];
}

/**
 * The query of the page at `pathname` as it reads it, in one canonical form: only its parameters
 * (pageQueryParams), each once (its first value, trimmed, as the pages take it; an empty one
 * dropped, as a plain GET form sends an unset filter), `page` as the number it means (1, the
 * default, dropped), in alphabetical order.
 */
export function pageQuery(pathname: string, query: URLSearchParams | string): URLSearchParams {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const canonical = new URLSearchParams();
  for (const name of [...pageQueryParams(pathname)].sort()) {
    let value = params.get(name)?.trim();
    if (name === 'page')
      value = value && /^\d{1,6}$/.test(value) && Number(value) > 1 ? String(Number(value)) : undefined;
    if (value) canonical.set(name, value);
  }
  return canonical;
}

/** `/path?query` with the query as the page reads it (pageQuery): the URL a page is cached under. */
export function canonicalPageUrl(url: string): string {
  const index = url.indexOf('?');
  if (index === -1) return url;
  const pathname = url.slice(0, index);
  const query = pageQuery(pathname, url.slice(index + 1)).toString();
  return query ? `${pathname}?${query}` : pathname;
}
