import { afterAll, describe, expect, it } from 'vitest';
import { countSqlStatements, ensureModules, MODULE_LIST_QUERY } from '../scripts/lib/boot.mjs';
import { getApp, graphql } from './strapi';

describe('query cost', () => {
  let extra: string[] = [];
  afterAll(async () => {
    const { strapi } = await getApp();
    for (const documentId of extra)
      await strapi.documents('api::module.module').delete({ documentId, locale: '*' } as any);
  });

  it('loads 5 or 25 modules with theme, competences, audiences and authors in the same number of statements', async () => {
    const { strapi } = await getApp();
    extra = await ensureModules(strapi, 25, 'fr');
    const cost = async (limit: number) => {
      let result: any;
      const statements = await countSqlStatements(strapi, async (headers: Record<string, string>) => {
        result = await graphql(MODULE_LIST_QUERY, { limit, locale: 'fr' }, headers);
      });
      expect(result.errors).toBeUndefined();
      expect(result.data.modules).toHaveLength(limit);
      expect(result.data.modules.every((m: any) => m.theme && m.competences.length >= 2 && m.authors.length >= 1)).toBe(
        true,
      );
      return statements;
    };
    const five = await cost(5);
    const twentyFive = await cost(25);
    expect(twentyFive).toBe(five);
    expect(five).toBeGreaterThan(3); // the count sees the request's statements
    expect(five).toBeLessThan(20);
  });
});
