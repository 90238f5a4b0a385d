import type { Core } from '@strapi/strapi';
import type submissionsConfig from '../../../config/submissions';

/**
 * What the privacy policy promises for "I use this module": a record is deleted
 * MODULE_USE_RETENTION_MONTHS (24) after it was sent. One idempotent DELETE, safe on every replica.
 */
export async function deleteExpiredModuleUses(strapi: Core.Strapi, now = new Date()): Promise<number> {
  const settings = strapi.config.get('submissions') as ReturnType<typeof submissionsConfig>;
  const limit = new Date(now);
  limit.setUTCMonth(limit.getUTCMonth() - Number(settings.moduleUseRetentionMonths));
  return strapi.db
    .query('api::module-use.module-use')
    .deleteMany({ where: { createdAt: { $lt: limit } } })
    .then((result: { count: number }) => result.count);
}

export function moduleUseCronTasks() {
  return {
    moduleUseRetention: {
      task: ({ strapi }: { strapi: Core.Strapi }) => deleteExpiredModuleUses(strapi),
      options: { rule: '0 29 3 * * *' },
    },
  };
}
