import type { Core } from '@strapi/strapi';
import { CHANGES_TABLE } from './tables';

const DAY_MS = 86_400_000;

/**
 * Deletes change-log rows older than CONTENT_CHANGES_RETENTION_DAYS (90 at least): partners may
 * page that far back. One idempotent DELETE, safe on several replicas at once.
 */
export async function deleteExpiredChanges(strapi: Core.Strapi, now = Date.now()): Promise<number> {
  const days = Math.max(90, Number(strapi.config.get('publishing.changeRetentionDays', 90)));
  return strapi.db
    .connection(CHANGES_TABLE)
    .where('at', '<', now - days * DAY_MS)
    .whereNotNull('seq')
    .delete();
}
