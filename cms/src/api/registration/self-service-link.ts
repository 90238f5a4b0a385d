import type { LocaleCode } from '../../i18n/locales';

/**
 * The site's self-service page for a registration, per locale: `${SITE_URL}/${locale}/${path}?token=…`.
 * The site (web/) serves these paths; this map is the one place both sides agree on.
 */
export const SELF_SERVICE_PATHS: Record<LocaleCode, string> = {
  en: 'registration',
  fr: 'inscription',
  it: 'iscrizione',
  es: 'inscripcion',
};

export function selfServiceUrl(siteUrl: string, locale: LocaleCode, token: string): string {
  const base = siteUrl.replace(/\/+$/, '');
  return `${base}/${locale}/${SELF_SERVICE_PATHS[locale]}?token=${encodeURIComponent(token)}`;
}
