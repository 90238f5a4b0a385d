/**
 * What the site (web/) shares with the CMS's code, exported as `cms/site` (package.json `exports`):
 * the locales, the self-service link the registration mails carry, and the registration texts
 * the site's tests expect as the CMS words them. Plain modules: nothing here needs Strapi running.
 */
export { DEFAULT_LOCALE, LOCALE_CODES, type LocaleCode } from './i18n/locales';
export { SELF_SERVICE_PATHS, selfServiceUrl } from './api/registration/self-service-link';
export { MESSAGES as REGISTRATION_MESSAGES } from './api/registration/messages';
export { SITE_PATHS as OPEN_DATA_SITE_PATHS } from './open-data/datasets';
export { RESERVED_SLUGS } from './editors/reserved-slugs';
