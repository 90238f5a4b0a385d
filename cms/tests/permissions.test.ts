import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getApp, graphql } from './strapi';

/** What the public role (readers, partners without a token) must never get. */
describe('public access', () => {
  let draftModuleId: string;
  let publishedJobSheetId: string;

  beforeAll(async () => {
    const { strapi } = await getApp();
    const jobSheet: any = await strapi
      .documents('api::job-sheet.job-sheet')
      .findFirst({ locale: 'en', status: 'published' });
    publishedJobSheetId = jobSheet.documentId;
    // An unpublished module linked to a published job sheet: a draft a reader must not reach.
    const draft: any = await strapi.documents('api::module.module').create({
      locale: 'en',
      data: {
        title: 'Unpublished draft module',
        slug: 'unpublished-draft-module',
        level: 'discovery',
        summary: 'SECRET DRAFT',
        jobSheets: [publishedJobSheetId],
      } as any,
    });
    draftModuleId = draft.documentId;
    // A published module whose newer draft holds unpublished changes.
    const published: any = await strapi
      .documents('api::module.module')
      .findFirst({ locale: 'en', status: 'published' });
    await strapi
      .documents('api::module.module')
      .update({ documentId: published.documentId, locale: 'en', data: { summary: 'SECRET EDIT IN PROGRESS' } as any });
  });

  afterAll(async () => {
    const { strapi } = await getApp();
    await strapi.documents('api::module.module').delete({ documentId: draftModuleId, locale: '*' } as any);
    const published: any = await strapi
      .documents('api::module.module')
      .findFirst({ locale: 'en', status: 'published' });
    await strapi
      .documents('api::module.module')
      .discardDraft({ documentId: published.documentId, locale: 'en' } as any);
  });

  const refusedAsDraft = (result: Awaited<ReturnType<typeof graphql>>, code = 'FORBIDDEN') => {
    for (const value of Object.values(result.data ?? {})) expect(value).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(JSON.stringify(result.body)).not.toContain('SECRET');
  };

  it('lists published entries only', async () => {
    const { data, errors } = await graphql(`
      {
        modules(pagination: { limit: 100 }) {
          documentId
          summary
        }
      }
    `);
    expect(errors).toBeUndefined();
    expect(data.modules.some((m: any) => m.documentId === draftModuleId)).toBe(false);
    expect(JSON.stringify(data)).not.toContain('SECRET');
  });

  it('refuses status: DRAFT on a list, a single entry, a variable and a fragment', async () => {
    refusedAsDraft(
      await graphql(`
        {
          modules(status: DRAFT) {
            title
            summary
          }
        }
      `),
    );
    refusedAsDraft(
      await graphql(
        `
          query ($id: ID!) {
            module(documentId: $id, status: DRAFT) {
              title
              summary
            }
          }
        `,
        { id: draftModuleId },
      ),
    );
    refusedAsDraft(
      await graphql(
        `
          query ($s: PublicationStatus) {
            modules(status: $s) {
              title
              summary
            }
          }
        `,
        { s: 'DRAFT' },
      ),
    );
    refusedAsDraft(
      await graphql(`
        query {
          ...Q
        }
        fragment Q on Query {
          modules(status: DRAFT) {
            title
            summary
          }
        }
      `),
    );
  });

  it('does not reach drafts through relations', async () => {
    // Relation fields take no `status` argument at all.
    refusedAsDraft(
      await graphql(
        `
          query ($id: ID!) {
            jobSheet(documentId: $id) {
              modules(status: DRAFT) {
                title
                summary
              }
            }
          }
        `,
        { id: publishedJobSheetId },
      ),
      'GRAPHQL_VALIDATION_FAILED',
    );
    const { data, errors } = await graphql(
      `
        query ($id: ID!) {
          jobSheet(documentId: $id) {
            modules(pagination: { limit: 100 }) {
              documentId
              summary
            }
            modules_connection {
              nodes {
                documentId
              }
            }
          }
        }
      `,
      { id: publishedJobSheetId },
    );
    expect(errors).toBeUndefined();
    expect(data.jobSheet.modules.map((m: any) => m.documentId)).not.toContain(draftModuleId);
    expect(data.jobSheet.modules_connection.nodes.map((m: any) => m.documentId)).not.toContain(draftModuleId);
    expect(JSON.stringify(data)).not.toContain('SECRET');
  });

  it('does not reach drafts through localizations', async () => {
    const { data, errors } = await graphql(`
      {
        modules(pagination: { limit: 100 }) {
          localizations {
            locale
            summary
            publishedAt
          }
        }
      }
    `);
    expect(errors).toBeUndefined();
    const all = data.modules.flatMap((m: any) => m.localizations);
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((l: any) => l.publishedAt !== null)).toBe(true);
    expect(JSON.stringify(data)).not.toContain('SECRET');
  });

  it('has no registrations in the GraphQL API nor in REST', async () => {
    const q = await graphql(`
      {
        registrations {
          email
          fullName
        }
      }
    `);
    expect(q.status).toBe(400);
    expect(q.errors?.[0]?.message).toMatch(/Cannot query field "registrations"/);
    const { url } = await getApp();
    for (const path of ['/api/registrations', '/api/registration']) {
      const response = await fetch(`${url}${path}`);
      expect([403, 404]).toContain(response.status);
      expect(await response.text()).not.toContain('@example.org');
    }
  });

  it('refuses users, roles and filtering on private fields', async () => {
    const users = await graphql(`
      {
        usersPermissionsUsers {
          documentId
          email
        }
      }
    `);
    expect(users.data?.usersPermissionsUsers ?? null).toBeNull();
    expect(users.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byPassword = await graphql(`
      {
        usersPermissionsUsers(filters: { password: { startsWith: "$2" } }) {
          documentId
        }
      }
    `);
    expect(byPassword.errors?.length).toBeGreaterThan(0);
    expect(byPassword.data?.usersPermissionsUsers ?? null).toBeNull();
    const byToken = await graphql(`
      {
        usersPermissionsUsers(filters: { resetPasswordToken: { notNull: true } }) {
          documentId
        }
      }
    `);
    expect(byToken.errors?.length).toBeGreaterThan(0);
    const roles = await graphql(`
      {
        usersPermissionsRoles {
          name
        }
      }
    `);
    expect(roles.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { url } = await getApp();
    const rest = await fetch(`${url}/api/users?filters[password][$startsWith]=$2`);
    expect(rest.status).toBe(403);
  });

  it('cannot create, update or delete content', async () => {
    const result = await graphql(`
      mutation {
        createTheme(data: { name: "Spam", slug: "spam" }) {
          documentId
        }
      }
    `);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { data } = await graphql(`
      {
        themes(filters: { slug: { eq: "spam" } }) {
          documentId
        }
      }
    `);
    expect(data.themes).toEqual([]);
  });
});
