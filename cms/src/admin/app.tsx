import type { StrapiApp } from '@strapi/strapi/admin';
import { RegistrationsPanel } from './registrations-panel';
import translations from './translations';
import { DEFAULT_LOCALE, LOCALE_CODES } from '../i18n/locales';

export default {
  config: {
    // The admin in the consortium's languages (English is always there).
    locales: LOCALE_CODES.filter((code) => code !== DEFAULT_LOCALE),
    translations,
  },
  bootstrap(app: StrapiApp) {
    // Strapi types a plugin's apis as unknown: the content manager's, as its documentation describes it.
    const apis = app.getPlugin('content-manager').apis as { addEditViewSidePanel(panels: unknown[]): void };
    apis.addEditViewSidePanel([RegistrationsPanel]);
  },
};
