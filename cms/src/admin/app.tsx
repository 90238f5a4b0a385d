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
    const contentManager: any = app.getPlugin('content-manager');
    contentManager.apis.addEditViewSidePanel([RegistrationsPanel]);
  },
};
