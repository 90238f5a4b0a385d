import type { Core } from '@strapi/strapi';

export const LOCALES = [
  { code: 'en', name: 'English (en)' },
  { code: 'fr', name: 'French (fr)' },
  { code: 'it', name: 'Italian (it)' },
  { code: 'es', name: 'Spanish (es)' },
] as const;
export type LocaleCode = (typeof LOCALES)[number]['code'];
export const DEFAULT_LOCALE: LocaleCode = 'en';
export const LOCALE_CODES = LOCALES.map((l) => l.code) as LocaleCode[];

/** Creates the four locales where missing and makes `en` the default. */
export async function ensureLocales(strapi: Core.Strapi) {
  const service = strapi.plugin('i18n').service('locales');
  const existing: Array<{ code: string }> = await service.find();
  for (const locale of LOCALES) {
    if (!existing.some((l) => l.code === locale.code)) {
      await service.create({ code: locale.code, name: locale.name });
    }
  }
  if ((await service.getDefaultLocale()) !== DEFAULT_LOCALE) {
    await service.setDefaultLocale({ code: DEFAULT_LOCALE });
  }
}
