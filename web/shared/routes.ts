// The public URL contract (docs/design.md "Localized URL paths"): one table used by the router
// (nuxt.config i18n.pages), the sitemap, the hreflang alternates and the tests.

/** The site's languages, in the order the language switcher shows them: the one list of the site. */
export const LOCALES = ['fr', 'en', 'it', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Each language by its own name (the language switcher's links, @nuxtjs/i18n's `locales`). */
export const LOCALE_NAMES = { fr: 'Français', en: 'English', it: 'Italiano', es: 'Español' } as const satisfies Record<
  Locale,
  string
>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

type PerLocale = Record<Locale, string>;

/**
 * The localized first segments of every section, by the page name Nuxt gives its list page (the
 * page folder, named after the content type: `pages/job-sheets/` is `/fr/metiers`).
 */
export const SECTIONS = {
  modules: { fr: 'modules', en: 'modules', it: 'moduli', es: 'modulos' },
  'job-sheets': { fr: 'metiers', en: 'jobs', it: 'professioni', es: 'profesiones' },
  interviews: { fr: 'temoignages', en: 'interviews', it: 'interviste', es: 'entrevistas' },
  organisations: { fr: 'atlas', en: 'atlas', it: 'atlante', es: 'atlas' },
  'training-sessions': { fr: 'formations', en: 'trainings', it: 'formazioni', es: 'formaciones' },
  competences: { fr: 'competences', en: 'competences', it: 'competenze', es: 'competencias' },
  // Job and internship offers (open ones; an expired offer's page answers 410).
  'job-offers': { fr: 'offres', en: 'offers', it: 'offerte', es: 'ofertas' },
  webinars: { fr: 'webinaires', en: 'webinars', it: 'webinar', es: 'webinarios' },
  // The trainers' corner: the hub (its list page) and a page per module kit.
  trainers: { fr: 'formateurs', en: 'trainers', it: 'formatori', es: 'formadores' },
} as const satisfies Record<string, PerLocale>;
export type Section = keyof typeof SECTIONS;

/** Pages without a slug: the archive of past sessions, the three legal pages, the open data and the Atlas's form. */
export const STATIC_PAGES = {
  'training-sessions-past': {
    fr: 'formations/archives',
    en: 'trainings/past',
    it: 'formazioni/archivio',
    es: 'formaciones/archivo',
  },
  'legal-notice': { fr: 'mentions-legales', en: 'legal-notice', it: 'note-legali', es: 'aviso-legal' },
  privacy: { fr: 'confidentialite', en: 'privacy', it: 'privacy', es: 'privacidad' },
  accessibility: { fr: 'accessibilite', en: 'accessibility', it: 'accessibilita', es: 'accesibilidad' },
  'open-data': { fr: 'donnees-ouvertes', en: 'open-data', it: 'dati-aperti', es: 'datos-abiertos' },
  // "Add your organisation" (a fixed segment under the Atlas's path: the CMS reserves these four
  // as organisation slugs, cms/src/editors/slugs.ts RESERVED_SLUGS).
  'organisations-add': { fr: 'atlas/proposer', en: 'atlas/add', it: 'atlante/aggiungi', es: 'atlas/anadir' },
} as const satisfies Record<string, PerLocale>;
export type StaticPage = keyof typeof STATIC_PAGES;

/**
 * The registrant's self-service page (`?token=…`, the link in the registration mails). Private:
 * not in the sitemap, no hreflang alternates, never cached. The CMS builds the mailed links from
 * the same table (cms/src/api/registration/self-service-link.ts).
 */
export const SELF_SERVICE_PATHS = {
  fr: 'inscription',
  en: 'registration',
  it: 'iscrizione',
  es: 'inscripcion',
} as const satisfies PerLocale;

/** `/fr/inscription` … : the self-service page of each locale. */
export function selfServicePath(locale: Locale): string {
  return `/${locale}/${SELF_SERVICE_PATHS[locale]}`;
}

/** The locale whose self-service page `path` (no query) is, if it is one. */
export function selfServiceLocale(path: string): Locale | undefined {
  return LOCALES.find((locale) => path === selfServicePath(locale) || path === `${selfServicePath(locale)}/`);
}

/**
 * The search results page (`?q=`, `&type=`, `&page=`). Never indexed (noindex), never in the
 * sitemap, never in the page cache (one page per query anyone can type).
 */
export const SEARCH_PATHS = { fr: 'recherche', en: 'search', it: 'cerca', es: 'buscar' } as const satisfies PerLocale;

/** `/fr/recherche` … : the search page of each locale. */
export function searchPath(locale: Locale): string {
  return `/${locale}/${SEARCH_PATHS[locale]}`;
}

/** The locale whose search page `path` (no query) is, if it is one. */
export function searchLocale(path: string): Locale | undefined {
  return LOCALES.find((locale) => path === searchPath(locale) || path === `${searchPath(locale)}/`);
}

/** `i18n.pages` for @nuxtjs/i18n (customRoutes: 'config'), keyed by Nuxt's page names. */
export function i18nPages(): Record<string, Record<Locale, `/${string}`>> {
  const pages: Record<string, Record<Locale, `/${string}`>> = {};
  const map = (paths: PerLocale, suffix = '') =>
    Object.fromEntries(LOCALES.map((locale) => [locale, `/${paths[locale]}${suffix}`])) as Record<Locale, `/${string}`>;
  for (const [name, paths] of Object.entries(SECTIONS)) {
    pages[name] = map(paths);
    pages[`${name}-slug`] = map(paths, '/[slug]');
  }
  for (const [name, paths] of Object.entries(STATIC_PAGES)) pages[name] = map(paths);
  pages['self-service'] = map(SELF_SERVICE_PATHS);
  pages.search = map(SEARCH_PATHS);
  return pages;
}

/** `/it/moduli`, `/fr/metiers/ux-designer`, `/es/aviso-legal`, `/en` (home). */
export function localizedPath(locale: Locale, page: Section | StaticPage | 'index', slug?: string): string {
  if (page === 'index') return `/${locale}`;
  const segment = page in SECTIONS ? SECTIONS[page as Section][locale] : STATIC_PAGES[page as StaticPage][locale];
  return slug ? `/${locale}/${segment}/${encodeURIComponent(slug)}` : `/${locale}/${segment}`;
}
