import type { Crumb } from './usePageMeta';
import { SECTION_LABELS } from '~/utils/sections';
import type { JsonLd } from '#shared/jsonld';
import type { Localized } from '#shared/fallback';
import type { Section } from '#shared/routes';

export interface EntryPageMeta {
  title: string;
  description: string;
  type?: 'website' | 'article';
  /** Pass `import.meta.server ? [...] : undefined`, so the JSON-LD builders stay out of the browser bundle. */
  jsonLd?: JsonLd[];
  /** Not indexed (an expired job offer's page). */
  noindex?: boolean;
}

/**
 * What every entry page (`pages/<section>/[slug].vue`) does with the entry its query found
 * (useEntryQuery): the language switcher's targets and the hreflang alternates of the versions that
 * exist (useEntryLocales), the breadcrumbs (home › section › entry) and the page's meta
 * (usePageMeta), canonical to the English page when the entry is shown in English for want of a
 * translation. `meta` gets the entry and the page's absolute URL (for JSON-LD).
 *
 *     const { entry: jobSheet, isFallback, crumbs } = useEntryPage(await useEntryQuery(JobSheetPageDocument), 'job-sheets', (jobSheet) => ({ … }));
 *
 * The query is awaited by the page itself: Vue's `<script setup>` restores the component's context
 * after an `await` at its top level, which the head and i18n composables called here need (an
 * `await` inside this function would lose it).
 */
export function useEntryPage<Data, Entry extends Localized>(
  query: { data: Data; entry: Entry; isFallback: boolean },
  section: Section,
  meta: (entry: Entry, url: string) => EntryPageMeta,
) {
  const { t } = useI18n();
  const route = useRoute();
  const localePath = usePagePath();
  const absolute = useAbsoluteUrl();
  const { entry, isFallback } = query;
  const page = meta(entry, absolute(route.path));
  const { alternates } = useEntryLocales(entry, section);
  const crumbs: Crumb[] = [
    { name: t('home.crumb'), path: localePath('index') },
    { name: t(SECTION_LABELS[section]), path: localePath(section) },
    { name: page.title, path: route.path },
  ];
  usePageMeta({ ...page, alternates, canonicalLocale: isFallback ? 'en' : undefined, breadcrumbs: crumbs });
  return { ...query, crumbs };
}
