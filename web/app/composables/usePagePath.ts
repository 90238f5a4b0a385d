import { localizedPath, searchPath, SECTIONS, STATIC_PAGES, type Locale } from '#shared/routes';

type LocalePath = ReturnType<typeof useLocalePath>;

// A slug as the CMS makes them: the same in a path as in the table, nothing to encode.
const PLAIN_SLUG = /^[a-z0-9-]+$/i;

/** The path of a page of the table (shared/routes.ts) by its route name, or undefined. */
function tablePath(name: string, locale: Locale, slug?: string): string | undefined {
  if (slug === undefined) {
    if (name === 'index' || Object.hasOwn(STATIC_PAGES, name) || Object.hasOwn(SECTIONS, name))
      return localizedPath(locale, name as Parameters<typeof localizedPath>[1]);
    return name === 'search' ? searchPath(locale) : undefined;
  }
  const section = name.endsWith('-slug') ? name.slice(0, -'-slug'.length) : '';
  return Object.hasOwn(SECTIONS, section) && PLAIN_SLUG.test(slug)
    ? localizedPath(locale, section as keyof typeof SECTIONS, slug)
    : undefined;
}

/**
 * @nuxtjs/i18n's `localePath`, the same paths, made from the site's table of localized paths
 * (shared/routes.ts, which i18n's routes are made of) for the site's own pages by name, with a
 * slug or without: a page asks for one per link (the header's, every card's), and i18n's resolves
 * each with the router (a tenth of a render). Anything else (a query, a hash, a path, a route
 * of no table) is i18n's. On the server only: a render's links are its cost there.
 */
export function usePagePath(): LocalePath {
  const localePath = useLocalePath();
  // The browser keeps i18n's (the same paths): this code stays out of its first load.
  if (import.meta.client) return localePath;
  const current = useCurrentLocale();
  return ((target, locale) => {
    const lang = (locale ?? current.value) as Locale;
    let path: string | undefined;
    if (typeof target === 'string') path = tablePath(target, lang);
    else if (typeof target === 'object' && target && 'name' in target && typeof target.name === 'string') {
      const keys = Object.keys(target);
      const params = (target as { params?: Record<string, unknown> }).params;
      if (keys.length === 1) path = tablePath(target.name, lang);
      else if (keys.length === 2 && params && Object.keys(params).join() === 'slug' && typeof params.slug === 'string')
        path = tablePath(target.name, lang, params.slug);
    }
    return path ?? localePath(target, locale);
  }) as LocalePath;
}
