// Boots the CMS in-process (compiled TypeScript; the admin panel only when asked, from its build)
// and listens on a free port.
// Shared by the tests, the schema generator, the seed command and the benchmark, and by the site's
// tests as `cms/boot` (package.json `exports`).
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildClientSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema } from 'graphql';
import { cmsDir } from '../env.mjs';

// Strapi's ESM build does not load under plain Node ESM (directory imports): use its CommonJS build.
const { compileStrapi, createStrapi } = createRequire(import.meta.url)('@strapi/strapi');

const TEST_SECRETS = {
  APP_KEYS: 'local-key-aaaaaaaaaaaaaaaa,local-key-bbbbbbbbbbbbbbbb',
  API_TOKEN_SALT: 'local-api-token-salt-0123456789',
  ADMIN_JWT_SECRET: 'local-admin-jwt-0123456789',
  TRANSFER_TOKEN_SALT: 'local-transfer-salt-0123456789',
  JWT_SECRET: 'local-jwt-secret-0123456789',
  ENCRYPTION_KEY: 'local-encryption-key-0123456789',
  SITE_PURGE_SECRET: 'local-site-purge-secret-0123456789',
  PREVIEW_SECRET: 'local-preview-secret-0123456789',
};

/**
 * @param {{ throwaway?: boolean, seed?: 'first' | 'always' | 'never', adminPanel?: boolean }} options
 *   throwaway: a new SQLite file (or, with DATABASE_URL set, the given PostgreSQL database);
 *   adminPanel: serve the admin panel at /admin, from the build `strapi build` left in dist/build.
 */
export async function bootStrapi({ throwaway = true, seed = 'first', adminPanel = false } = {}) {
  process.env.NODE_ENV ??= 'test';
  process.env.HOST = '127.0.0.1';
  process.env.PORT = '0';
  process.env.SEED_ON_START = seed;
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  process.env.STRAPI_DISABLE_UPDATE_NOTIFICATION = 'true';
  process.env.STRAPI_LOG_LEVEL ??= 'warn';
  for (const [name, value] of Object.entries(TEST_SECRETS)) process.env[name] ??= value;
  if (throwaway && !process.env.DATABASE_URL) {
    process.env.DATABASE_FILENAME = join(mkdtempSync(join(tmpdir(), 'academy-cms-')), 'data.db');
  }
  // A throwaway database's uploads (the demo kits' PDFs, test files) in a throwaway folder too:
  // left in cms/public/uploads they would pile up at every boot, pointing at rows long gone.
  if (throwaway && !process.env.PUBLIC_DIR) {
    process.env.PUBLIC_DIR = mkdtempSync(join(tmpdir(), 'academy-public-'));
    mkdirSync(join(process.env.PUBLIC_DIR, 'uploads'));
  }
  const context = await compileStrapi({ appDir: cmsDir });
  const strapi = await createStrapi({ ...context, autoReload: false, serveAdminPanel: adminPanel }).load();
  strapi.log.level = process.env.STRAPI_LOG_LEVEL;
  await strapi.server.listen();
  const { port } = strapi.server.httpServer.address();
  return { strapi, url: `http://127.0.0.1:${port}`, database: process.env.DATABASE_URL ? 'postgres' : 'sqlite' };
}

/** The SDL of the schema a running CMS serves, sorted so that the committed file diffs cleanly. */
export async function fetchSchemaSdl(url) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: getIntrospectionQuery({ descriptions: true }) }),
  });
  const { data, errors } = await response.json();
  if (errors) throw new Error(`Introspection failed: ${errors.map((e) => e.message).join('; ')}`);
  return `${printSchema(lexicographicSortSchema(buildClientSchema(data)))}\n`;
}

/**
 * Runs `fn(headers)` and returns how many SQL statements the CMS ran for the HTTP requests that
 * `fn` sends with `headers`: a statement counts only when it runs in the request context of such a
 * request, so work the CMS does meanwhile for other reasons (scheduled jobs, what publishing leaves
 * running, another client) is not counted.
 */
export async function countSqlStatements(strapi, fn) {
  const marker = `count-${process.hrtime.bigint()}-${Math.random().toString(36).slice(2)}`;
  let statements = 0;
  const onQuery = () => {
    if (strapi.requestContext.get()?.request?.headers?.['x-count-sql-statements'] === marker) statements++;
  };
  strapi.db.connection.on('query', onQuery);
  try {
    await fn({ 'x-count-sql-statements': marker });
  } finally {
    strapi.db.connection.removeListener('query', onQuery);
  }
  return statements;
}

/** The list query of item 7: modules with theme, competences, audiences and authors. */
export const MODULE_LIST_QUERY = `query($limit: Int!, $locale: I18NLocaleCode) {
  modules(locale: $locale, pagination: { limit: $limit }) {
    documentId title slug level
    theme { name slug }
    competences { code name }
    audiences { name }
    authors { name country }
  }
}`;

/**
 * Makes sure at least `count` published modules exist in `locale` (the demo has 20), by adding
 * copies of existing ones with the same relations. For measurements on throwaway databases only.
 * Returns the documentIds it created.
 */
export async function ensureModules(strapi, count, locale = 'fr') {
  const modules = strapi.documents('api::module.module');
  const existing = await modules.findMany({
    locale,
    status: 'published',
    populate: { theme: true, competences: true, audiences: true, authors: true },
  });
  const created = [];
  for (let n = existing.length; n < count; n++) {
    const source = existing[n % existing.length];
    const copy = await modules.create({
      locale,
      status: 'published',
      data: {
        title: `${source.title} (${n + 1})`,
        slug: `${source.slug}-copy-${n + 1}`,
        level: source.level,
        summary: source.summary,
        theme: source.theme?.documentId,
        competences: source.competences.map((c) => c.documentId),
        audiences: source.audiences.map((a) => a.documentId),
        authors: source.authors.map((a) => a.documentId),
      },
    });
    created.push(copy.documentId);
  }
  return created;
}
