import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localizedPath, searchPath } from '#shared/routes';
import { startSite, stop } from '../../scripts/servers.mjs';
import { CMS_URL, cmsProxy } from './helpers';

// The data cache (app/graphql/data-cache.ts): the CMS's answers kept in the site's process under
// the CMS's content version. A site of its own, built like the suite's, with no page cache (every
// request is a render) and a data lifetime of 5 s, talks to the suite's CMS through a proxy that
// notes every request, so that the test sees what each render asked of the CMS.
const OUTPUT_DIR = process.env.SITE_OUTPUT_DIR;
if (!OUTPUT_DIR) throw new Error('SITE_OUTPUT_DIR: the build the suite runs (scripts/test.mjs)');
const DATA_TTL_S = 5;

let cms: Awaited<ReturnType<typeof cmsProxy>>;
let site: { child: import('node:child_process').ChildProcess; url: string };

/**
 * A change to the content through the CMS's GraphQL with a full-access API token (the suite's
 * preview token): the Document Service, its change log and its rules, as the admin's edits (the
 * admin's own login is rate-limited to a few per address and 5 minutes, which the suite spends).
 */
async function edit<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${CMS_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.CMS_PREVIEW_TOKEN}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!body.data || body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

beforeAll(async () => {
  cms = await cmsProxy();
  site = await startSite(OUTPUT_DIR, cms.url, {
    env: { NUXT_PAGE_CACHE: 'off', NUXT_DATA_TTL: String(DATA_TTL_S) },
  });
});

afterAll(async () => {
  await stop(site?.child);
  await cms?.close();
});

/** Renders `path` on the test's site: its status and HTML, and what it asked of the CMS. */
async function render(path: string) {
  cms.requests.length = 0;
  const response = await fetch(`${site.url}${path}`, { headers: { accept: 'text/html' } });
  const body = await response.text();
  const asked = [...cms.requests];
  return {
    status: response.status,
    body,
    graphql: asked.filter((r) => r.startsWith('POST /graphql')).length,
    versions: asked.filter((r) => r === 'GET /api/content-version').length,
  };
}

const MODULES = localizedPath('fr', 'modules');

describe('the data cache', () => {
  it('renders a page again with no query to the CMS but its content version, the same page', async () => {
    const first = await render(MODULES);
    expect(first.status).toBe(200);
    expect(first.graphql).toBeGreaterThan(0);
    const again = await render(MODULES);
    expect(again.status).toBe(200);
    expect(again.versions).toBe(1);
    expect(again.graphql).toBe(0);
    const cards = (body: string) => body.match(/<h3\b[^>]*>[\s\S]*?<\/h3>/g);
    expect(cards(again.body)).toEqual(cards(first.body));
  });

  it('never reuses an answer from before the last publish: the next render shows a module published, then its edit', async () => {
    await render(MODULES);
    const title = `Module cache ${Date.now().toString(36)}`;
    const data = {
      title,
      slug: `cache-${Date.now().toString(36)}`,
      level: 'discovery',
      summary: `Résumé de ${title}.`,
    };
    const { createModule } = await edit<{ createModule: { documentId: string } }>(
      'mutation($data: ModuleInput!) { createModule(locale: "fr", status: DRAFT, data: $data) { documentId } }',
      { data },
    );
    const { documentId } = createModule;
    // Through REST: the GraphQL delete ignores its `locale` and deletes the default locale's version
    // (strapi/strapi#23034), which this module does not have.
    const remove = async () => {
      const response = await fetch(`${CMS_URL}/api/modules/${documentId}?locale=fr`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${process.env.CMS_PREVIEW_TOKEN}` },
      });
      if (!response.ok) throw new Error(`DELETE module ${documentId}: ${response.status}`);
    };
    try {
      // A draft is not public: the answers kept are still the published content's.
      const withDraft = await render(MODULES);
      expect(withDraft.graphql).toBe(0);
      expect(withDraft.body).not.toContain(title);

      await edit(
        'mutation($id: ID!, $data: ModuleInput!) { updateModule(documentId: $id, locale: "fr", status: PUBLISHED, data: $data) { documentId } }',
        { id: documentId, data: {} },
      );
      const published = await render(MODULES);
      expect(published.graphql).toBeGreaterThan(0);
      expect(published.body).toContain(title);

      // An edit of what is published (the change log records it as for a publish).
      const renamed = `${title} renamed`;
      await edit(
        'mutation($id: ID!, $data: ModuleInput!) { updateModule(documentId: $id, locale: "fr", status: PUBLISHED, data: $data) { documentId } }',
        { id: documentId, data: { title: renamed } },
      );
      const edited = await render(MODULES);
      expect(edited.graphql).toBeGreaterThan(0);
      expect(edited.body).toContain(renamed);
    } finally {
      await remove().catch((error: unknown) => console.warn(error));
    }
  });

  it(`asks again once an answer is ${DATA_TTL_S} s old (what changes with time alone: places left)`, async () => {
    await render(MODULES);
    expect((await render(MODULES)).graphql).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, DATA_TTL_S * 1000 + 300));
    expect((await render(MODULES)).graphql).toBeGreaterThan(0);
  });

  it('reuses nothing when the CMS cannot tell its version', async () => {
    await render(MODULES);
    cms.refuse.set('/api/content-version', 503);
    try {
      const page = await render(MODULES);
      expect(page.status).toBe(200);
      expect(page.graphql).toBeGreaterThan(0);
    } finally {
      cms.refuse.delete('/api/content-version');
    }
  });

  it('keeps nothing of a page only one reader sees (search results)', async () => {
    const search = `${searchPath('en')}?q=digital`;
    const first = await render(search);
    expect(first.status).toBe(200);
    expect(first.graphql).toBeGreaterThan(0);
    const again = await render(search);
    expect(again.graphql).toBe(first.graphql);
    expect(again.versions).toBe(0);
  });
});
