import type { Core } from '@strapi/strapi';

/**
 * The users-permissions *User* type (API accounts: readers have none, see security/accounts.ts)
 * is not content: out of the content manager's menu for everyone, editors included.
 */
export const API_USER = 'plugin::users-permissions.user';

export function hideApiUsersFromEditors(strapi: Core.Strapi) {
  const model = strapi.contentType(API_USER) as unknown as { pluginOptions?: Record<string, unknown> };
  model.pluginOptions = {
    ...model.pluginOptions,
    'content-manager': { ...(model.pluginOptions?.['content-manager'] as object), visible: false },
  };
}
