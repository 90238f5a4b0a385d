import type { Core } from '@strapi/strapi';
import { REGISTRATION } from './register';

/**
 * The content manager's list of registrations, set once (editors may rearrange it afterwards):
 * the columns editors need, newest first, searchable by name. Filtering by session uses the
 * sessionDocumentId column (the training-session edit view links to the filtered list).
 */
const STORE = { type: 'plugin' as const, name: 'academy', key: 'registration-admin-layout-v2' };
const LIST = ['fullName', 'email', 'organisation', 'registrationStatus', 'language', 'createdAt', 'sessionDocumentId'];

export async function configureRegistrationAdmin(strapi: Core.Strapi) {
  const store = strapi.store(STORE);
  if (await store.get({ key: STORE.key })) return;
  const contentTypes = strapi.plugin('content-manager').service('content-types');
  const model = strapi.contentType(REGISTRATION as any);
  const current = await contentTypes.findConfiguration(model);
  await contentTypes.updateConfiguration(model, {
    settings: { ...current.settings, mainField: 'fullName', defaultSortBy: 'createdAt', defaultSortOrder: 'DESC', pageSize: 50 },
    metadatas: current.metadatas,
    layouts: { ...current.layouts, list: LIST },
  });
  await store.set({ key: STORE.key, value: { at: new Date().toISOString() } });
}
