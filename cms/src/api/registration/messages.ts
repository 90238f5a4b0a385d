import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, LOCALE_CODES, type LocaleCode } from '../../i18n/locales';
import en from './messages/en.json';
import fr from './messages/fr.json';
import it from './messages/it.json';
import es from './messages/es.json';

/** The CMS's own texts for registrants (errors and mails) and editors (admin errors), in the four languages. */
export const MESSAGES: Record<LocaleCode, typeof en> = { en, fr, it, es };

export function isLocale(value: unknown): value is LocaleCode {
  return typeof value === 'string' && (LOCALE_CODES as string[]).includes(value);
}

/** The language to answer in: the one asked for when we have it, else the default. */
export function messageLocale(value: unknown): LocaleCode {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/**
 * The language of an editor's error: their admin language (profile), else their browser's, else
 * the default. Outside a request (scripts, the seed), the default.
 */
export function editorLocale(strapi: Core.Strapi): LocaleCode {
  const ctx = strapi.requestContext.get();
  return messageLocale(ctx?.state?.user?.preferedLanguage ?? ctx?.acceptsLanguages(LOCALE_CODES));
}

/** `t('fr', 'errors.tooLong', { max: 120 })`; placeholders are `{name}`, values are plain text. */
export function t(locale: LocaleCode, key: string, vars: Record<string, string | number> = {}): string {
  const lookup = (messages: unknown) =>
    key
      .split('.')
      .reduce<unknown>(
        (node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined),
        messages,
      );
  const template = lookup(MESSAGES[locale]) ?? lookup(MESSAGES[DEFAULT_LOCALE]);
  if (typeof template !== 'string') throw new Error(`Missing registration message "${key}"`);
  return template.replace(/\{(\w+)\}/g, (match, name) => (name in vars ? String(vars[name]) : match));
}
