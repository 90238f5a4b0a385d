import { LOCALES, type Locale, type Section } from '#shared/routes';
import { entryEntries, staticEntries, type SitemapVersion } from '#shared/sitemap';

// The sitemap's source (@nuxtjs/sitemap `sources`): every published entry in every locale.
const FIELDS: Record<Section, string> = {
  modules: 'modules',
  jobs: 'jobSheets',
  interviews: 'interviews',
  atlas: 'organisations',
  trainings: 'trainingSessions',
  competences: 'competences',
};
const QUERY = `query Sitemap($locale: I18NLocaleCode!) {
  ${Object.values(FIELDS).map((field) => `${field}(locale: $locale, pagination: { limit: 100 }) { documentId slug updatedAt }`).join('\n  ')}
}`;

export default defineEventHandler(async () => {
  const versions = Object.fromEntries(Object.keys(FIELDS).map((section) => [section, [] as SitemapVersion[]])) as Record<Section, SitemapVersion[]>;
  for (const locale of LOCALES) {
    const result = await $fetch<{ data?: Record<string, { documentId: string; slug: string; updatedAt?: string }[]>; errors?: unknown[] }>(
      `${cmsUrl()}/graphql`,
      { method: 'POST', body: { query: QUERY, variables: { locale } } },
    );
    if (!result.data || result.errors) throw createError({ statusCode: 503, statusMessage: 'CMS unavailable' });
    for (const [section, field] of Object.entries(FIELDS) as [Section, string][]) {
      for (const entry of result.data[field] ?? []) versions[section].push({ ...entry, locale: locale as Locale });
    }
  }
  // Absolute URLs from the run-time site URL (the module's own site config is fixed at build).
  const siteUrl = useRuntimeConfig().public.siteUrl.replace(/\/$/, '');
  const entries = [...staticEntries(), ...(Object.entries(versions) as [Section, SitemapVersion[]][]).flatMap(([section, list]) => entryEntries(section, list))];
  return entries.map((entry) => ({
    ...entry,
    loc: `${siteUrl}${entry.loc}`,
    alternatives: entry.alternatives.map((a) => ({ ...a, href: `${siteUrl}${a.href}` })),
  }));
});
