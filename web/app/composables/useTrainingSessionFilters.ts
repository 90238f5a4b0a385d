import type { Ref } from 'vue';
import type { TrainingSessionCardFragment } from '~/graphql/generated';
import { formatMonth, trainingSessionMonth } from '#shared/dates';
import { LOCALES } from '#shared/routes';

/** Training sessions filtered by teaching language, format and month (of the session, in its zone). */
export function useTrainingSessionFilters(trainingSessions: Ref<TrainingSessionCardFragment[]>) {
  const { t } = useI18n();
  const locale = useCurrentLocale();
  const text = useServerText();
  const monthOf = (s: TrainingSessionCardFragment) =>
    text(`session-month:${s.startsAt}:${s.timezone}`, () => trainingSessionMonth(s.startsAt, s.timezone));
  return useFacetedList(trainingSessions, [
    {
      name: 'language',
      label: t('trainingSessions.filters.language'),
      values: (s) => [s.teachingLanguage],
      choices: () => LOCALES.map((l) => ({ value: l, label: t(`languages.${l}`) })),
    },
    {
      name: 'format',
      label: t('trainingSessions.filters.format'),
      values: (s) => [s.format],
      choices: () =>
        ['online', 'in_person', 'hybrid'].map((f) => ({ value: f, label: t(`trainingSessions.formats.${f}`) })),
    },
    {
      name: 'month',
      label: t('trainingSessions.filters.month'),
      values: (s) => [monthOf(s)],
      choices: () =>
        [...new Set(trainingSessions.value.map(monthOf))]
          .sort()
          .map((m) => ({ value: m, label: text(`month:${locale.value}:${m}`, () => formatMonth(m, locale.value)) })),
    },
  ]);
}
