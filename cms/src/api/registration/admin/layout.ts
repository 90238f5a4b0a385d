import type { Core } from '@strapi/strapi';
import { REGISTRATION } from '../register';

/**
 * The content manager's list of registrations, set once per version of this layout (editors may
 * rearrange it afterwards): the columns editors need, with the session's title (a copy kept in
 * line, see session-title.ts), newest first, searchable by name. Filtering by session uses the
 * sessionDocumentId column (the training-session edit view links to the filtered list) or the
 * title. The fields the CMS keeps for itself are shown read-only in the edit view.
 */
const STORE = { type: 'plugin' as const, name: 'academy', key: 'registration-admin-layout-v3' };
const LIST = ['fullName', 'email', 'sessionTitle', 'organisation', 'registrationStatus', 'language', 'createdAt'];
const READ_ONLY = ['sessionDocumentId', 'sessionTitle', 'emailNormalized', 'tokenHash', 'anonymisedAt'];

export async function configureRegistrationAdmin(strapi: Core.Strapi) {
  const store = strapi.store(STORE);
  if (await store.get({ key: STORE.key })) return;
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  const model = strapi.contentType(REGISTRATION);
  const current = await contentTypes.findConfiguration(model);
  const metadatas = { ...current.metadatas };
  for (const field of READ_ONLY)
    metadatas[field] = { ...metadatas[field], edit: { ...metadatas[field]?.edit, editable: false } };
  await contentTypes.updateConfiguration(model, {
    settings: {
      ...current.settings,
      mainField: 'fullName',
      defaultSortBy: 'createdAt',
      defaultSortOrder: 'DESC',
      pageSize: 50,
    },
    metadatas,
    layouts: { ...current.layouts, list: LIST },
  });
  await store.set({ key: STORE.key, value: { at: new Date().toISOString() } });
}
