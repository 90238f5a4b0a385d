import type { StrapiApp } from '@strapi/strapi/admin';
import { RegistrationsPanel } from './registrations-panel';
import translations from './translations';

export default {
  config: {
    // The admin in the consortium's languages (English is always there).
    locales: ['fr', 'it', 'es'],
    translations,
  },
  bootstrap(app: StrapiApp) {
    const contentManager: any = app.getPlugin('content-manager');
    contentManager.apis.addEditViewSidePanel([RegistrationsPanel]);
  },
};
