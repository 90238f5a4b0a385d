import {
  CompetenceLocalesDocument,
  InterviewLocalesDocument,
  JobOfferLocalesDocument,
  JobSheetLocalesDocument,
  ModuleLocalesDocument,
  OrganisationLocalesDocument,
  TrainingSessionLocalesDocument,
  WebinarLocalesDocument,
  TrainerKitLocalesDocument,
} from '~/graphql/generated';
import { existingSlugs, resolveEntry, switcherSlugs, type Localized } from '#shared/fallback';
import { LOCALES, SECTIONS, localizedPath, type Locale, type Section } from '#shared/routes';
import { switchPath } from '~/utils/locale-routes';

const DOCUMENTS = {
  modules: ModuleLocalesDocument,
  'job-sheets': JobSheetLocalesDocument,
  interviews: InterviewLocalesDocument,
  organisations: OrganisationLocalesDocument,
  'training-sessions': TrainingSessionLocalesDocument,
  competences: CompetenceLocalesDocument,
  'job-offers': JobOfferLocalesDocument,
  webinars: WebinarLocalesDocument,
  trainers: TrainerKitLocalesDocument,
} as const satisfies Record<Section, unknown>;

/**
 * Where each language link of the switcher goes. On an entry page: the entry's translated slug, or
 * the English one where it has no translation (that page shows the English version with a notice);
 * elsewhere the same page in the other language, with the same query (utils/locale-routes.ts switchPath:
 * the server's router has no route of another language). Awaited by the layout, so that the header (which
 * renders before the page) has it on the server and at hydration alike.
 */
export async function useSwitcherTargets() {
  const route = useRoute();
  const routeBaseName = useRouteBaseName();
  const locale = useCurrentLocale();
  const baseName = computed(() => String(routeBaseName(route) ?? ''));
  const section = computed(() => {
    const name = baseName.value;
    const base = name.endsWith('-slug') ? name.slice(0, -'-slug'.length) : '';
    return base in SECTIONS ? (base as Section) : undefined;
  });
  const slug = computed(() => (typeof route.params.slug === 'string' ? route.params.slug : ''));
  const document = computed(() => DOCUMENTS[section.value ?? 'modules']) as never;
  const nuxtApp = useNuxtApp();
  const own = useGraphqlQuery({
    query: document,
    variables: computed(() => ({ locale: locale.value, slug: slug.value })),
    pause: computed(() => !section.value || !slug.value),
  });
  const entries = (data: unknown) => (data as { entry?: Localized[] } | undefined)?.entry;
  // The English version only when the reader's language has none (see useEntryQuery), asked
  // imperatively: a reactive `pause` does not re-run during server rendering.
  const english = ref<Localized[]>();
  const needsEnglish = computed(
    () =>
      !!section.value && !!slug.value && locale.value !== 'en' && !!own.data.value && !entries(own.data.value)?.length,
  );
  async function loadEnglish() {
    english.value = needsEnglish.value
      ? entries(
          (await graphqlQuery(nuxtApp, DOCUMENTS[section.value!] as never, { locale: 'en', slug: slug.value })).data,
        )
      : undefined;
  }
  watch(needsEnglish, loadEnglish);
  const targets = computed<Record<Locale, string>>(() => {
    const found = section.value ? resolveEntry(entries(own.data.value), english.value) : null;
    if (section.value && found) {
      const slugs = switcherSlugs(existingSlugs(found.entry));
      return Object.fromEntries(LOCALES.map((l) => [l, localizedPath(l, section.value!, slugs[l])])) as Record<
        Locale,
        string
      >;
    }
    return Object.fromEntries(LOCALES.map((l) => [l, switchPath(route, baseName.value, l) ?? `/${l}`])) as Record<
      Locale,
      string
    >;
  });
  // Created before the await: after it, this function no longer runs inside the component's scope.
  await own;
  await loadEnglish();
  return targets;
}
