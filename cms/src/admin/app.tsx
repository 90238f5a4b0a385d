import type { ComponentType } from 'react';
import type { StrapiApp } from '@strapi/strapi/admin';
import { Earth, Information, Upload, Globe, BulletList, Pencil, CheckCircle, User } from '@strapi/icons';
import { RegistrationsPanel } from './registrations-panel';
import translations from './translations';
import { translateEditLayout } from './field-labels';
import { DEFAULT_LOCALE, LOCALE_CODES } from '../i18n/locales';
import { CUSTOM_FIELDS } from '../editors/choices';

export default {
  config: {
    // The admin in the consortium's languages (English is always there).
    locales: LOCALE_CODES.filter((code) => code !== DEFAULT_LOCALE),
    translations,
    // Editors, not developers: no video tutorials, no notices of new Strapi releases.
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
    // Which translations are missing, waiting or older than their source (src/editors/translation-status.ts).
    app.addMenuLink({
      to: 'translation-status',
      icon: Earth,
      intlLabel: { id: 'academy.status.title', defaultMessage: 'Translation status' },
      Component: () => import('./translation-status-page'),
      permissions: [],
      position: 2,
    });
    // The editors' guide (docs/editors/<locale>.md) in the admin's language.
    app.addMenuLink({
      to: 'editors-guide',
      icon: Information,
      intlLabel: { id: 'academy.status.guide', defaultMessage: "Editors' guide" },
      Component: () => import('./guide-page'),
      permissions: [],
      position: 3,
    });
    // The Atlas import (src/editors/atlas-import.ts): for those who may create organisations.
    app.addMenuLink({
      to: 'atlas-import',
      icon: Upload,
      intlLabel: { id: 'academy.import.title', defaultMessage: 'Import organisations' },
      Component: () => import('./atlas-import-page'),
      permissions: [{ action: 'plugin::content-manager.explorer.create', subject: 'api::organisation.organisation' }],
      position: 4,
    });
    // On the home: the translations to do, and the way to the guide.
    app.widgets.register({
      id: 'translations',
      icon: Earth,
      title: { id: 'academy.status.widget.title', defaultMessage: 'To translate' },
      component: async () => (await import('./home-widget')).default,
      link: {
        label: { id: 'academy.status.title', defaultMessage: 'Translation status' },
        href: '/translation-status',
      },
    });
    // On the home: the organisations proposed through the site's form, waiting for review.
    app.widgets.register({
      id: 'organisation-submissions',
      icon: Earth,
      title: { id: 'academy.submissions.title', defaultMessage: 'Organisations to review' },
      component: async () => (await import('./submissions-widget')).default,
    });
    // The editors' home: their drafts, what was published lately, this week's registrations
    // (src/editors/home.ts); Strapi's own "last edited" and "last published" (replaced by these) and
    // its developer widget (deploy to Strapi Cloud) removed.
    app.widgets.register([
      {
        id: 'my-drafts',
        icon: Pencil,
        title: { id: 'academy.home.drafts.title', defaultMessage: 'My drafts' },
        component: async () => (await import('./home-widgets')).MyDraftsWidget,
      },
      {
        id: 'recently-published',
        icon: CheckCircle,
        title: { id: 'academy.home.published.title', defaultMessage: 'Recently published' },
        component: async () => (await import('./home-widgets')).RecentlyPublishedWidget,
      },
      {
        id: 'registrations-this-week',
        icon: User,
        title: { id: 'academy.home.registrations.title', defaultMessage: 'Registrations this week' },
        component: async () => (await import('./home-widgets')).RegistrationsWidget,
      },
    ]);
    const REMOVED = new Set([
      'content-manager.last-edited-entries',
      'content-manager.last-published-entries',
      'admin.deploy-now',
    ]);
    app.widgets.register((widgets) =>
      widgets.filter((w) => !REMOVED.has(`${(w as { pluginId?: string }).pluginId}.${w.id}`)),
    );
    // A country by its name, roles as checkboxes: the same stored values (src/editors/choices.ts).
    app.customFields.register([
      {
        name: CUSTOM_FIELDS.country,
        type: 'string',
        icon: Globe,
        intlLabel: { id: 'academy.fields.country', defaultMessage: 'Country' },
        intlDescription: { id: 'academy.fields.country.description', defaultMessage: 'A country from the list' },
        components: {
          Input: async () => ({ default: (await import('./choice-inputs')).CountryInput as unknown as ComponentType }),
        },
      },
      {
        name: CUSTOM_FIELDS.roles,
        type: 'json',
        icon: BulletList,
        intlLabel: { id: 'academy.fields.roles', defaultMessage: 'Roles of an organisation' },
        intlDescription: { id: 'academy.fields.roles.description', defaultMessage: 'Roles ticked from a list' },
        components: {
          Input: async () => ({ default: (await import('./choice-inputs')).RolesInput as unknown as ComponentType }),
        },
      },
    ]);
    // No guided tour ("Create your schema", "Copy an API token"): marked as skipped before the admin reads it.
    try {
      const key = 'STRAPI_GUIDED_TOUR';
      const stored = JSON.parse(window.localStorage.getItem(key) ?? '{}') as Record<string, unknown>;
      if (stored.enabled !== false) window.localStorage.setItem(key, JSON.stringify({ ...stored, enabled: false }));
    } catch {
      // No localStorage (private mode): the tour shows, nothing else changes.
    }
  },
  bootstrap(app: StrapiApp) {
    // Field labels, descriptions and placeholders in the admin's language (src/editors/fields.ts).
    app.registerHook('Admin/CM/pages/EditView/mutate-edit-view-layout', translateEditLayout);
    // Strapi types a plugin's apis as unknown: the content manager's, as its documentation describes it.
    const apis = app.getPlugin('content-manager').apis as { addEditViewSidePanel(panels: unknown[]): void };
    apis.addEditViewSidePanel([RegistrationsPanel]);
  },
};
