// Entries missing in the reader's language are shown in English (the default locale) with a
// notice; alternates and the language switcher come from the entry's real localizations.
import { DEFAULT_LOCALE, LOCALES, isLocale, type Locale } from './routes';

export interface Localized {
  locale?: string | null;
  slug: string;
  localizations?: readonly ({ locale?: string | null; slug: string } | null)[] | null;
}

export interface ResolvedEntry<T> {
  entry: T;
  /** True when the reader's language has no version and the English one is shown. */
  isFallback: boolean;
}

/** The entry in the reader's language, else the English one, else nothing (a 404). */
export function resolveEntry<T>(
  inLocale: readonly (T | null)[] | null | undefined,
  inDefault: readonly (T | null)[] | null | undefined,
): ResolvedEntry<T> | null {
  const own = inLocale?.find(Boolean);
  if (own) return { entry: own, isFallback: false };
  const fallback = inDefault?.find(Boolean);
  return fallback ? { entry: fallback, isFallback: true } : null;
}

/** The slug of the entry in each locale where it really exists. */
export function existingSlugs(entry: Localized): Partial<Record<Locale, string>> {
  const slugs: Partial<Record<Locale, string>> = {};
  for (const version of [entry, ...(entry.localizations ?? [])]) {
    if (version && isLocale(version.locale)) slugs[version.locale] = version.slug;
  }
  return slugs;
}

/**
 * Where the language switcher goes for each locale: the translated slug where the entry exists,
 * else the English slug, whose page shows the English version with a notice (never a 404).
 */
export function switcherSlugs(existing: Partial<Record<Locale, string>>): Record<Locale, string> {
  const fallback = existing[DEFAULT_LOCALE] ?? Object.values(existing)[0] ?? '';
  return Object.fromEntries(LOCALES.map((locale) => [locale, existing[locale] ?? fallback])) as Record<Locale, string>;
}
