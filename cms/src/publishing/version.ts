import type { Core } from '@strapi/strapi';
import { CHANGES_TABLE } from './tables';

/**
 * The version of the public content: the id of the last row of the change log (log.ts writes one,
 * in the transaction of the change, for every publish, update of published content, unpublish and
 * delete). What is derived from published content and kept in memory (the open-data files, the
 * map's clusters) is rebuilt when this has moved: from the commit of a change on, on every replica.
 */
export async function contentVersion(strapi: Core.Strapi): Promise<number> {
  const [{ top }] = await strapi.db.connection(CHANGES_TABLE).max({ top: 'id' });
  return Number(top ?? 0);
}
