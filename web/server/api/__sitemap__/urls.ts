import { LOCALES, type Locale, type Section } from '#shared/routes';
import { entryEntries, staticEntries, type SitemapVersion } from '#shared/sitemap';

// The sitemap's source (@nuxtjs/sitemap `sources`): every published entry in every locale.
const FIELDS: Record<Section, string> = {
  modules: 'modules',
  'job-sheets': 'jobSheets',
  interviews: 'interviews',
  organisations: 'organisations',
  'training-sessions': 'trainingSessions',
  competences: 'competences',
  // Open offers only: the CMS lists no expired one (cms/src/security/expiry.ts).
  'job-offers': 'jobOffers',
  webinars: 'webinars',
  trainers: 'trainerKits',
};
// The CMS serves 100 entries at most per list: each type is read 100 at a time until it runs out.
const PAGE = 100;
const QUERY = `query Sitemap($locale: I18NLocaleCode!, $start: Int!) {
  ${Object.values(FIELDS)
    .map(
      (field) =>
        `${field}(locale: $locale, sort: "documentId", pagination: { start: $start, limit: ${PAGE} }) { documentId slug updatedAt }`,
    )
    .join('\n  ')}
}`;

export default defineEventHandler(async () => {
  const versions = Object.fromEntries(
    Object.keys(FIELDS).map((section) => [section, [] as SitemapVersion[]]),
  ) as Record<Section, SitemapVersion[]>;
  for (const locale of LOCALES) {
    for (let start = 0, more = true; more; start += PAGE) {
      const result = await $fetch<{
        data?: Record<string, { documentId: string; slug: string; updatedAt?: string }[]>;
        errors?: unknown[];
      }>(`${cmsUrl()}/graphql`, { method: 'POST', body: { query: QUERY, variables: { locale, start } } });
      if (!result.data || result.errors) throw createError({ statusCode: 503, statusMessage: 'CMS unavailable' });
      more = false;
      for (const [section, field] of Object.entries(FIELDS) as [Section, string][]) {
        const page = result.data[field] ?? [];
        for (const entry of page) versions[section].push({ ...entry, locale: locale as Locale });
        if (page.length === PAGE) more = true;
      }
    }
  }
  // Absolute URLs from the run-time site URL (the module's own site config is fixed at build).
  const siteUrl = useRuntimeConfig().public.siteUrl.replace(/\/$/, '');
  const entries = [
    ...staticEntries(),
    ...(Object.entries(versions) as [Section, SitemapVersion[]][]).flatMap(([section, list]) =>
      entryEntries(section, list),
    ),
  ];
  return entries.map((entry) => ({
    ...entry,
    loc: `${siteUrl}${entry.loc}`,
    alternatives: entry.alternatives.map((a) => ({ ...a, href: `${siteUrl}${a.href}` })),
  }));
});
