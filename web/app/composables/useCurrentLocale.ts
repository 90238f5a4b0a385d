import { DEFAULT_LOCALE, isLocale, type Locale } from '#shared/routes';

/** The reader's locale as one of ours (the route prefix decides it). */
export function useCurrentLocale(): ComputedRef<Locale> {
  const { locale } = useI18n();
  return computed(() => (isLocale(locale.value) ? locale.value : DEFAULT_LOCALE));
}
