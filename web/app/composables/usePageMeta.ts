import { DEFAULT_LOCALE, LOCALES, localizedPath, type Locale, type Section, type StaticPage } from '#shared/routes';
import { breadcrumbList, serializeJsonLd, type JsonLd } from '#shared/jsonld';
import { existingSlugs, type Localized } from '#shared/fallback';

export interface Crumb {
  name: string;
  path: string;
}

export interface PageMeta {
  title: string;
  description: string;
  /** The path of this page in each locale where it exists (hreflang alternates). */
  alternates: Partial<Record<Locale, string>>;
  /** The locale whose URL is canonical: the shown version (English for a fallback). */
  canonicalLocale?: Locale;
  /**
   * A list narrowed by its filters (`?level=…`, the Atlas's `?country=…`): a view of the list,
   * not a page of its own (Google's advice on faceted navigation). Not indexed (`noindex,
   * follow`: its links still lead a crawler to the entries), canonical to the unfiltered list,
   * and without hreflang alternates: they would name pages that do not name it back.
   */
  filtered?: boolean;
  /** A page that must not be indexed though it is its own (an expired job offer's): `noindex, follow`. */
  noindex?: boolean;
  breadcrumbs: Crumb[];
  /**
   * Rendered on the server only: pass `import.meta.server ? [...] : undefined`, so that the JSON-LD
   * builders are left out of the browser bundle. A BreadcrumbList comes with them from
   * `breadcrumbs` when they have two items or more (a trail of one is none: the home page).
   */
  jsonLd?: JsonLd[];
  type?: 'website' | 'article';
}

/** The absolute URL of a site path (`absolute('/')`: the site's). */
export function useAbsoluteUrl() {
  const siteUrl = useRuntimeConfig().public.siteUrl;
  return (path: string) => new URL(path, siteUrl).href;
}

/** The absolute URL of a CMS image as the site serves it (/uploads on the site's origin, as AppImage shows it). */
export function imageUrl(absolute: (path: string) => string, image?: { url: string } | null): string | undefined {
  return image
    ? absolute(
        `/uploads/${image.url
          .replace(/^https?:\/\/[^/]+/, '')
          .replace(/^\/uploads\//, '')
          .replace(/^\//, '')}`,
      )
    : undefined;
}

/** The same page in every locale (lists, home, legal pages). */
export function allLocales(page: Section | StaticPage | 'index'): Partial<Record<Locale, string>> {
  return Object.fromEntries(LOCALES.map((locale) => [locale, localizedPath(locale, page)]));
}

/**
 * Title, description, Open Graph, canonical URL, hreflang alternates and JSON-LD (BreadcrumbList
 * always), for one page. Alternates only on a page that is its own canonical URL, each naming a
 * page that names it back (hreflang pairs must be reciprocal): not on a filtered list, nor on an
 * entry shown in English for want of a translation (its canonical URL is the English page's).
 */
export function usePageMeta(meta: PageMeta) {
  const locale = useCurrentLocale();
  const absolute = useAbsoluteUrl();
  const canonicalLocale = meta.canonicalLocale ?? locale.value;
  const canonicalPath = meta.alternates[canonicalLocale] ?? meta.alternates[locale.value];
  const canonical = canonicalPath ? absolute(meta.filtered ? canonicalPath.split('?')[0]! : canonicalPath) : undefined;
  const ownCanonical = !meta.filtered && canonicalLocale === locale.value;

  useSeoMeta({
    title: meta.title,
    description: meta.description,
    ogTitle: meta.title,
    ogDescription: meta.description,
    ogType: meta.type ?? 'website',
    ogUrl: canonical,
    ogLocale: locale.value,
    ogSiteName: 'Social Tech Academy',
    twitterCard: 'summary',
    ...(meta.filtered || meta.noindex ? { robots: 'noindex, follow' } : {}),
  });

  const alternates = ownCanonical
    ? Object.entries(meta.alternates).map(([hreflang, path]) => ({
        rel: 'alternate' as const,
        hreflang,
        href: absolute(path!),
      }))
    : [];
  const defaultPath = meta.alternates[DEFAULT_LOCALE];
  if (ownCanonical && defaultPath)
    alternates.push({ rel: 'alternate', hreflang: 'x-default', href: absolute(defaultPath) });
  useHead({ link: [...alternates, ...(canonical ? [{ rel: 'canonical' as const, href: canonical }] : [])] });

  if (import.meta.server) {
    const crumbs =
      meta.breadcrumbs.length > 1
        ? [breadcrumbList(meta.breadcrumbs.map((c) => ({ name: c.name, url: absolute(c.path) })))]
        : [];
    const blocks = [...crumbs, ...(meta.jsonLd ?? [])];
    if (blocks.length) useHead({ script: [{ type: 'application/ld+json', innerHTML: serializeJsonLd(blocks) }] });
  }
}

/**
 * For an entry page: the paths of the versions that exist (the language switcher's targets come
 * from useSwitcherTargets).
 */
export function useEntryLocales(entry: Localized, page: Section) {
  const existing = existingSlugs(entry);
  const alternates = Object.fromEntries(
    Object.entries(existing).map(([locale, slug]) => [locale, localizedPath(locale as Locale, page, slug)]),
  ) as Partial<Record<Locale, string>>;
  return { alternates };
}
