import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getApp, graphql, type GraphQLResult } from './strapi';
import { adminToken } from './registration-helpers';

/**
 * Drafts never reach a reader or a partner, whatever the way they ask: REST or GraphQL (POST and
 * GET), a status in the query text, in a variable or in a variable's default value, filters and
 * sorts that join draft rows (localizations, publishedAt, publicationFilter) at the root, under a
 * relation or inside and/or/not, populated relations, the Atlas listing. Only a full-access API
 * token (the site's preview, editors' tools) reads them, through REST and GraphQL alike; the admin
 * panel and the CMS's own code read them as before.
 *
 * Every draft below holds MARKER, which must never appear in an answer to the public.
 */
const MARKER = `draftleak${crypto.randomBytes(5).toString('hex')}`;

interface CollectionType {
  uid: string;
  rest: string;
  list: string;
  one: string;
  field: string;
  name: string;
}
const COLLECTIONS: CollectionType[] = [
  { uid: 'api::module.module', rest: 'modules', list: 'modules', one: 'module', field: 'summary', name: 'title' },
  {
    uid: 'api::job-sheet.job-sheet',
    rest: 'job-sheets',
    list: 'jobSheets',
    one: 'jobSheet',
    field: 'summary',
    name: 'title',
  },
  {
    uid: 'api::interview.interview',
    rest: 'interviews',
    list: 'interviews',
    one: 'interview',
    field: 'summary',
    name: 'title',
  },
  {
    uid: 'api::organisation.organisation',
    rest: 'organisations',
    list: 'organisations',
    one: 'organisation',
    field: 'description',
    name: 'name',
  },
  {
    uid: 'api::training-session.training-session',
    rest: 'training-sessions',
    list: 'trainingSessions',
    one: 'trainingSession',
    field: 'venue',
    name: 'title',
  },
  { uid: 'api::webinar.webinar', rest: 'webinars', list: 'webinars', one: 'webinar', field: 'summary', name: 'title' },
  {
    uid: 'api::trainer-kit.trainer-kit',
    rest: 'trainer-kits',
    list: 'trainerKits',
    one: 'trainerKit',
    field: 'summary',
    name: 'title',
  },
  { uid: 'api::theme.theme', rest: 'themes', list: 'themes', one: 'theme', field: 'description', name: 'name' },
  {
    uid: 'api::audience.audience',
    rest: 'audiences',
    list: 'audiences',
    one: 'audience',
    field: 'description',
    name: 'name',
  },
  {
    uid: 'api::competence.competence',
    rest: 'competences',
    list: 'competences',
    one: 'competence',
    field: 'description',
    name: 'code',
  },
];
const SINGLES = [
  { uid: 'api::home.home', rest: 'home', one: 'home', field: 'heroTitle' },
  { uid: 'api::site.site', rest: 'site', one: 'site', field: 'tagline' },
  { uid: 'api::trainers-corner.trainers-corner', rest: 'trainers-corner', one: 'trainersCorner', field: 'intro' },
];

/** Per collection type: a document never published (en), and a published one whose fr draft holds an unpublished edit. */
const neverPublished = new Map<string, string>();
const editedInFrench = new Map<string, string>();
const singles = new Map<string, string>();
let headers: Record<'anonymous' | 'readOnly' | 'fullAccess', Record<string, string>>;

const leaks = (body: unknown) => JSON.stringify(body ?? null).includes(MARKER);

const COPIED = new Set([
  'string',
  'text',
  'richtext',
  'enumeration',
  'integer',
  'decimal',
  'float',
  'boolean',
  'date',
  'datetime',
  'json',
  'email',
]);

beforeAll(async () => {
  const { strapi } = await getApp();
  for (const type of COLLECTIONS) {
    const documents = strapi.documents(type.uid as any);
    // The first by name: on the first page of every list (the Atlas listing sorts by name).
    const published: any = await documents.findFirst({
      locale: 'en',
      status: 'published',
      sort: `${type.name}:asc`,
    } as any);
    const attributes = strapi.contentType(type.uid as any).attributes as Record<string, any>;
    const data: Record<string, unknown> = {};
    for (const [name, attribute] of Object.entries(attributes)) {
      if (
        COPIED.has(attribute.type) &&
        published[name] !== undefined &&
        !['locale', 'publishedAt', 'createdAt', 'updatedAt'].includes(name)
      )
        data[name] = published[name];
      if (attribute.type === 'uid') data[name] = `${MARKER}-${type.rest}`;
    }
    data[type.field] = `${MARKER} never published ${type.rest}`;
    const draft: any = await documents.create({ locale: 'en', data } as any);
    neverPublished.set(type.uid, draft.documentId);
    await documents.update({
      documentId: published.documentId,
      locale: 'fr',
      data: { [type.field]: `${MARKER} unpublished French edit` },
    } as any);
    editedInFrench.set(type.uid, published.documentId);
  }
  for (const type of SINGLES) {
    const entry: any = await strapi.documents(type.uid as any).findFirst({ locale: 'en', status: 'published' } as any);
    await strapi.documents(type.uid as any).update({
      documentId: entry.documentId,
      locale: 'en',
      data: { [type.field]: `${MARKER} unpublished edit` },
    } as any);
    singles.set(type.uid, entry.documentId);
  }
  const token = async (type: 'read-only' | 'full-access') =>
    (
      (await strapi
        .service('admin::api-token')
        .create({ name: `drafts-${type}-${MARKER}`, type, lifespan: null, description: '' })) as any
    ).accessKey as string;
  headers = {
    anonymous: {},
    readOnly: { authorization: `Bearer ${await token('read-only')}` },
    fullAccess: { authorization: `Bearer ${await token('full-access')}` },
  };
});

afterAll(async () => {
  const { strapi } = await getApp();
  for (const type of COLLECTIONS) {
    const documents = strapi.documents(type.uid as any);
    if (neverPublished.has(type.uid))
      await documents.delete({ documentId: neverPublished.get(type.uid), locale: '*' } as any);
    if (editedInFrench.has(type.uid))
      await documents.discardDraft({ documentId: editedInFrench.get(type.uid), locale: 'fr' } as any);
  }
  for (const type of SINGLES) {
    if (singles.has(type.uid))
      await strapi.documents(type.uid as any).discardDraft({ documentId: singles.get(type.uid), locale: 'en' } as any);
  }
});

async function rest(path: string, extra: Record<string, string> = {}) {
  const { url } = await getApp();
  const response = await fetch(`${url}${path}`, { headers: extra });
  const text = await response.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = { raw: text };
  }
  return { status: response.status, body };
}

/** The same operation sent as a GET, as caches and browsers send it. */
async function graphqlGet(
  query: string,
  variables: Record<string, unknown> | undefined,
  extra: Record<string, string>,
): Promise<GraphQLResult> {
  const { url } = await getApp();
  const search = new URLSearchParams({ query, ...(variables ? { variables: JSON.stringify(variables) } : {}) });
  // Apollo's CSRF prevention wants a header a plain cross-site form cannot send.
  const response = await fetch(`${url}/graphql?${search}`, {
    headers: { 'apollo-require-preflight': 'true', ...extra },
  });
  const body: any = await response.json();
  return { status: response.status, body, data: body.data, errors: body.errors };
}

const PUBLIC_CLIENTS = ['anonymous', 'readOnly'] as const;

/** Refused with a FORBIDDEN error naming what was refused, and not a draft character in the answer. */
function refused(result: GraphQLResult, field: string, label: string) {
  expect(leaks(result.body), `${label}: draft text in the answer`).toBe(false);
  expect(result.errors?.[0]?.extensions?.code, `${label}: ${JSON.stringify(result.body).slice(0, 300)}`).toBe(
    'FORBIDDEN',
  );
  expect(result.errors?.[0]?.message, label).toContain(field);
  // The refused field is null (and so are the entries holding it).
  for (const value of Object.values(result.data ?? {})) {
    expect(Array.isArray(value) ? value.filter((item) => item !== null) : value, label).toEqual(
      Array.isArray(value) ? [] : null,
    );
  }
}

/** REST: refused (an API token gets the reason, naming the field; anonymous clients have no content REST at all). */
function refusedRest(answer: { status: number; body: any }, field: string, label: string, client: string) {
  expect(leaks(answer.body), `${label}: draft text in the answer`).toBe(false);
  expect(answer.status, `${label}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBe(
    client === 'anonymous' ? 401 : 403,
  );
  if (client !== 'anonymous') expect(answer.body?.error?.message, label).toContain(field);
}

describe('REST, for every public content type', () => {
  it('refuses ?status=draft on lists, entries and single types, anonymous and with a read-only token', async () => {
    for (const client of PUBLIC_CLIENTS) {
      for (const type of COLLECTIONS) {
        const id = neverPublished.get(type.uid)!;
        refusedRest(
          await rest(`/api/${type.rest}?status=draft&pagination[pageSize]=100`, headers[client]),
          'status',
          `${client} GET /api/${type.rest}?status=draft`,
          client,
        );
        refusedRest(
          await rest(`/api/${type.rest}/${id}?status=draft`, headers[client]),
          'status',
          `${client} GET /api/${type.rest}/<draft>?status=draft`,
          client,
        );
        refusedRest(
          await rest(`/api/${type.rest}?status=draft&locale=fr&pagination[pageSize]=100`, headers[client]),
          'status',
          `${client} fr drafts of ${type.rest}`,
          client,
        );
      }
      for (const type of SINGLES) {
        refusedRest(
          await rest(`/api/${type.rest}?status=draft`, headers[client]),
          'status',
          `${client} GET /api/${type.rest}?status=draft`,
          client,
        );
      }
    }
  });

  it('serves no anonymous content REST at all: readers and partners use GraphQL', async () => {
    for (const type of COLLECTIONS) {
      const answer = await rest(`/api/${type.rest}`);
      expect(answer.status, type.rest).toBe(401);
      expect(JSON.stringify(answer.body)).not.toContain(`"documentId"`);
      expect((await rest(`/api/${type.rest}/${editedInFrench.get(type.uid)}`)).status, type.rest).toBe(401);
    }
    for (const type of SINGLES) expect((await rest(`/api/${type.rest}`)).status, type.rest).toBe(401);
    // A token keeps REST (editors' tools, the site's preview).
    expect((await rest(`/api/modules`, headers.readOnly)).status).toBe(200);
  });

  it('refuses filters and sorts on localizations, publishedAt and publication filters, at the root and under relations', async () => {
    const vectors: Array<[string, string]> = [
      [`/api/modules?filters[localizations][publishedAt][$null]=true`, 'localizations'],
      [`/api/modules?filters[localizations][summary][$startsWith]=${MARKER}`, 'localizations'],
      [
        `/api/modules?filters[$or][0][title][$eq]=x&filters[$or][1][localizations][summary][$startsWith]=${MARKER}`,
        'localizations',
      ],
      [`/api/modules?filters[$not][publishedAt][$notNull]=true`, 'publishedAt'],
      [`/api/job-sheets?filters[modules][localizations][summary][$startsWith]=${MARKER}`, 'localizations'],
      [`/api/modules?sort=publishedAt:desc`, 'publishedAt'],
      [`/api/modules?publicationFilter=modified`, 'publicationFilter'],
      [`/api/modules?hasPublishedVersion=false`, 'hasPublishedVersion'],
      [`/api/job-sheets?populate[modules][filters][localizations][summary][$startsWith]=${MARKER}`, 'localizations'],
      [`/api/job-sheets?populate[modules][sort]=publishedAt:desc`, 'publishedAt'],
    ];
    for (const client of PUBLIC_CLIENTS) {
      for (const [path, field] of vectors)
        refusedRest(await rest(path, headers[client]), field, `${client} ${path}`, client);
    }
  });

  it('populates relations and localizations with published entries only', async () => {
    const published = editedInFrench.get('api::module.module')!;
    for (const path of [
      `/api/modules?populate=localizations&pagination[pageSize]=100`,
      `/api/modules/${published}?populate[localizations][populate]=*`,
      `/api/job-sheets?populate[modules][populate]=localizations&pagination[pageSize]=100`,
      `/api/organisations?populate=*&locale=fr&pagination[pageSize]=100`,
    ]) {
      const answer = await rest(path, headers.readOnly);
      expect(answer.status, `${path}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBe(200);
      expect(leaks(answer.body), path).toBe(false);
    }
    const answer = await rest(`/api/modules/${published}?populate=localizations`, headers.readOnly);
    const locales = answer.body.data.localizations.map((l: any) => l.locale);
    expect(locales.length).toBeGreaterThan(0);
    expect(answer.body.data.localizations.every((l: any) => l.publishedAt)).toBe(true);
  });
});

describe('GraphQL, anonymous and with a read-only token, POST and GET', () => {
  const senders = [
    ['POST', (q: string, v: Record<string, unknown> | undefined, h: Record<string, string>) => graphql(q, v, h)],
    ['GET', graphqlGet],
  ] as const;

  it("refuses drafts asked for by a variable's default value, a variable and the query text, on every type", async () => {
    for (const client of PUBLIC_CLIENTS) {
      for (const [method, send] of senders) {
        for (const type of COLLECTIONS) {
          const label = `${client} ${method} ${type.list}`;
          refused(
            await send(
              `query($s: PublicationStatus = DRAFT) { ${type.list}(status: $s, pagination: { limit: 100 }) { documentId ${type.field} } }`,
              undefined,
              headers[client],
            ),
            'status',
            `${label} default DRAFT`,
          );
          refused(
            await send(
              `query($s: PublicationStatus) { ${type.list}(locale: "fr", status: $s) { ${type.field} } }`,
              { s: 'DRAFT' },
              headers[client],
            ),
            'status',
            `${label} variable`,
          );
          refused(
            await send(
              `query($id: ID!, $s: PublicationStatus = DRAFT) { ${type.one}(documentId: $id, status: $s) { ${type.field} } }`,
              { id: neverPublished.get(type.uid) },
              headers[client],
            ),
            'status',
            `${label} entry`,
          );
          refused(
            await send(
              `{ ${type.list}_connection(status: DRAFT) { nodes { ${type.field} } } }`,
              undefined,
              headers[client],
            ),
            'status',
            `${label} connection`,
          );
        }
        for (const type of SINGLES) {
          refused(
            await send(
              `query($s: PublicationStatus = DRAFT) { ${type.one}(status: $s) { ${type.field} } }`,
              undefined,
              headers[client],
            ),
            'status',
            `${client} ${method} ${type.one}`,
          );
        }
      }
    }
  });

  it('refuses filters and sorts that reach draft rows, at the root, under relations and inside and/or/not', async () => {
    const vectors: Array<[string, string]> = [
      [`{ modules(filters: { localizations: { publishedAt: { null: true } } }) { documentId } }`, 'localizations'],
      [
        `{ modules(filters: { localizations: { summary: { startsWith: "${MARKER}" } } }) { documentId } }`,
        'localizations',
      ],
      [`{ modules(publicationFilter: MODIFIED) { documentId } }`, 'publicationFilter'],
      [`{ modules(hasPublishedVersion: false) { documentId } }`, 'hasPublishedVersion'],
      [`{ modules(filters: { publishedAt: { null: true } }) { documentId } }`, 'publishedAt'],
      [`{ modules(sort: "publishedAt:desc") { documentId } }`, 'publishedAt'],
      [
        `{ modules(filters: { or: [{ title: { eq: "x" } }, { localizations: { publishedAt: { null: true } } }] }) { documentId } }`,
        'localizations',
      ],
      [
        `{ modules(filters: { not: { localizations: { summary: { startsWith: "${MARKER}" } } } }) { documentId } }`,
        'localizations',
      ],
      [
        `{ jobSheets(filters: { modules: { localizations: { summary: { startsWith: "${MARKER}" } } } }) { documentId } }`,
        'localizations',
      ],
      [`{ jobSheets(filters: { and: [{ modules: { publishedAt: { null: true } } }] }) { documentId } }`, 'publishedAt'],
      [
        `{ jobSheets { modules(filters: { localizations: { summary: { startsWith: "${MARKER}" } } }) { documentId } } }`,
        'localizations',
      ],
      [`{ jobSheets { modules(sort: "publishedAt:asc") { documentId } } }`, 'publishedAt'],
      [
        `{ modules_connection(filters: { localizations: { publishedAt: { null: true } } }) { nodes { documentId } } }`,
        'localizations',
      ],
    ];
    for (const client of PUBLIC_CLIENTS) {
      for (const [method, send] of senders) {
        for (const [query, field] of vectors)
          refused(await send(query, undefined, headers[client]), field, `${client} ${method} ${query}`);
      }
    }
  });

  it('answers relations, localizations, connections and the Atlas listing with published entries only', async () => {
    const draftOrganisation = neverPublished.get('api::organisation.organisation')!;
    for (const client of PUBLIC_CLIENTS) {
      for (const locale of ['en', 'fr']) {
        const result = await graphql(
          `
            query ($locale: I18NLocaleCode) {
              modules(locale: $locale, sort: "title", pagination: { limit: 30 }) {
                documentId
                summary
                localizations {
                  summary
                }
                jobSheets(pagination: { limit: 5 }) {
                  summary
                  modules(pagination: { limit: 5 }) {
                    summary
                  }
                }
              }
              jobSheets_connection(locale: $locale, pagination: { limit: 100 }) {
                nodes {
                  summary
                  relatedJobs {
                    summary
                  }
                  localizations {
                    summary
                  }
                }
              }
              organisationListing(locale: $locale, pageSize: 100) {
                total
                nodes {
                  documentId
                  description
                  services {
                    description
                  }
                  localizations {
                    description
                  }
                }
              }
            }
          `,
          { locale },
          headers[client],
        );
        expect(result.errors, `${client} ${locale}`).toBeUndefined();
        expect(result.data.modules.length).toBeGreaterThan(0);
        expect(leaks(result.body), `${client} ${locale}`).toBe(false);
        const listed = result.data.organisationListing.nodes.map((n: any) => n.documentId);
        expect(listed).not.toContain(draftOrganisation);
        // The organisation whose French draft holds MARKER is listed: its localizations are read.
        if (locale === 'en') expect(listed).toContain(editedInFrench.get('api::organisation.organisation'));
      }
    }
  });
});

describe('who reads drafts', () => {
  it('a full-access API token reads drafts through REST (?status=draft) and GraphQL (status: DRAFT)', async () => {
    const id = neverPublished.get('api::module.module')!;
    const list = await rest(`/api/modules?status=draft&pagination[pageSize]=100`, headers.fullAccess);
    expect(list.status).toBe(200);
    expect(leaks(list.body)).toBe(true);
    const entry = await rest(`/api/modules/${id}?status=draft`, headers.fullAccess);
    expect(entry.status).toBe(200);
    expect(entry.body.data.summary).toContain(MARKER);
    const fr = await rest(
      `/api/modules/${editedInFrench.get('api::module.module')}?status=draft&locale=fr`,
      headers.fullAccess,
    );
    expect(fr.body.data.summary).toContain(MARKER);

    const byDefault = await graphql(
      `
        query ($s: PublicationStatus = DRAFT) {
          modules(status: $s, pagination: { limit: 100 }) {
            documentId
            summary
          }
        }
      `,
      undefined,
      headers.fullAccess,
    );
    expect(byDefault.errors).toBeUndefined();
    expect(byDefault.data.modules.map((m: any) => m.documentId)).toContain(id);
    const one = await graphqlGet(
      `query($id: ID!) { module(documentId: $id, status: DRAFT) { summary } }`,
      { id },
      headers.fullAccess,
    );
    expect(one.errors).toBeUndefined();
    expect(one.data.module.summary).toContain(MARKER);
    // Without asking, it reads published content like everyone.
    const published = await graphql(
      `
        {
          modules(pagination: { limit: 100 }) {
            documentId
            summary
          }
        }
      `,
      undefined,
      headers.fullAccess,
    );
    expect(published.data.modules.map((m: any) => m.documentId)).not.toContain(id);
  });

  it("editors in the admin panel and the CMS's own code read drafts as before", async () => {
    const { strapi, url } = await getApp();
    const id = neverPublished.get('api::module.module')!;
    const editor = await adminToken();
    const response = await fetch(`${url}/content-manager/collection-types/api::module.module/${id}?locale=en`, {
      headers: { authorization: `Bearer ${editor}` },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).data.summary).toContain(MARKER);
    const internal: any = await strapi
      .documents('api::module.module')
      .findOne({ documentId: id, locale: 'en', status: 'draft' } as any);
    expect(internal.summary).toContain(MARKER);
    const oracle: any[] = await strapi
      .documents('api::module.module')
      .findMany({ locale: 'en', filters: { localizations: { summary: { $startsWith: MARKER } } } } as any);
    expect(oracle.map((m) => m.documentId)).toContain(editedInFrench.get('api::module.module'));
  });
});
