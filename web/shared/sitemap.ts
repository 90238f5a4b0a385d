// sitemap.xml entries: every page of every locale, each with the alternates that really exist.
import { LOCALES, SECTIONS, STATIC_PAGES, localizedPath, type Locale, type Section, type StaticPage } from './routes';

export interface SitemapVersion {
  documentId: string;
  slug: string;
  locale: Locale;
  updatedAt?: string | null;
}

export interface SitemapEntry {
  loc: string;
  lastmod?: string;
  alternatives: { hreflang: string; href: string }[];
}

function withDefault(alternatives: { hreflang: string; href: string }[]) {
  const en = alternatives.find((a) => a.hreflang === 'en');
  return en ? [...alternatives, { hreflang: 'x-default', href: en.href }] : alternatives;
}

/** Pages that exist in every locale: home, section lists, archive, legal pages. */
export function staticEntries(): SitemapEntry[] {
  const pages: (Section | StaticPage | 'index')[] = [
    'index',
    ...(Object.keys(SECTIONS) as Section[]),
    ...(Object.keys(STATIC_PAGES) as StaticPage[]),
  ];
  return pages.flatMap((page) => {
    const alternatives = withDefault(
      LOCALES.map((locale) => ({ hreflang: locale, href: localizedPath(locale, page) })),
    );
    return LOCALES.map((locale) => ({ loc: localizedPath(locale, page), alternatives }));
  });
}

/** One entry per locale version of each document, all versions of a document as its alternates. */
export function entryEntries(section: Section, versions: readonly SitemapVersion[]): SitemapEntry[] {
  const byDocument = new Map<string, SitemapVersion[]>();
  for (const version of versions)
    byDocument.set(version.documentId, [...(byDocument.get(version.documentId) ?? []), version]);
  return [...byDocument.values()].flatMap((group) => {
    const sorted = [...group].sort((a, b) => LOCALES.indexOf(a.locale) - LOCALES.indexOf(b.locale));
    const alternatives = withDefault(
      sorted.map((v) => ({ hreflang: v.locale, href: localizedPath(v.locale, section, v.slug) })),
    );
    return sorted.map((v) => ({
      loc: localizedPath(v.locale, section, v.slug),
      ...(v.updatedAt ? { lastmod: v.updatedAt } : {}),
      alternatives,
    }));
  });
}
