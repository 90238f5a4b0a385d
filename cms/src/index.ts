import type { Core } from '@strapi/strapi';
import { ensureLocales } from './i18n/locales';
import { ensurePublicPermissions } from './security/permissions';
import { ensureDevelopmentAdmin } from './security/admin';
import { ensureConstraints } from './database/constraints';
import { installRelationBatching } from './graphql/batch-relations';
import trainingSessionFields from './api/training-session/graphql/computed-fields';
import { seedOnFirstStart } from './seed';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    const extension = strapi.plugin('graphql').service('extension');
    // Personal data never appears in the public schema.
    extension.shadowCRUD('api::registration.registration').disable();
    extension.use(trainingSessionFields(strapi));
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureConstraints(strapi);
    await ensureLocales(strapi);
    await ensurePublicPermissions(strapi);
    await ensureDevelopmentAdmin(strapi);
    installRelationBatching(strapi);
    await seedOnFirstStart(strapi);
  },
};
