import type { TrainingSessionCardFragment } from '~/graphql/generated';
import { applyFilters, facetCounts, selectionFromQuery, type Facet } from '#shared/filters';
import { formatMonth, sessionMonth } from '#shared/dates';

/** Sessions filtered by teaching language, format and month (of the session, in its zone). */
export function useTrainingSessionFilters(trainingSessions: Ref<TrainingSessionCardFragment[]>) {
  const { t } = useI18n();
  const locale = useCurrentLocale();
  const route = useRoute();
  const text = useServerText();
  const monthOf = (s: TrainingSessionCardFragment) => text(`session-month:${s.startsAt}:${s.timezone}`, () => sessionMonth(s.startsAt, s.timezone));
  const facets: Facet<TrainingSessionCardFragment>[] = [
    { name: 'language', values: (s) => [s.teachingLanguage] },
    { name: 'format', values: (s) => [s.format] },
    { name: 'month', values: (s) => [monthOf(s)] },
  ];
  const selection = computed(() => selectionFromQuery(route.query, facets));
  const results = computed(() => applyFilters(trainingSessions.value, facets, selection.value));
  const counts = computed(() => facetCounts(trainingSessions.value, facets, selection.value));
  const option = (name: string, value: string, label: string) => ({ value, label, count: counts.value[name]?.get(value) ?? 0 });
  const months = computed(() => [...new Set(trainingSessions.value.map(monthOf))].sort());
  const fields = computed(() => [
    { name: 'language', label: t('trainingSessions.filters.language'), options: ['fr', 'en', 'it', 'es'].map((l) => option('language', l, t(`languages.${l}`))) },
    { name: 'format', label: t('trainingSessions.filters.format'), options: ['online', 'in_person', 'hybrid'].map((f) => option('format', f, t(`trainingSessions.formats.${f}`))) },
    { name: 'month', label: t('trainingSessions.filters.month'), options: months.value.map((m) => option('month', m, text(`month:${locale.value}:${m}`, () => formatMonth(m, locale.value)))) },
  ]);
  return { selection, results, fields };
}
