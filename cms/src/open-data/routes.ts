import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { KoaContext } from '../koa';
import { LOCALE_CODES, type LocaleCode } from '../i18n/locales';
import { contentVersion } from '../publishing/version';
import { DATASETS, FILES, LICENCES } from './datasets';
import {
  atlas,
  atlasCsv,
  atlasGeoJson,
  atlasJson,
  atlasTableSchema,
  catalogue,
  competencesJson,
  jobSheetsJson,
  modulesJson,
  trainingsIcs,
  type ExportFile,
} from './exports';

/**
 * The open-data files, public (REST: GraphQL cannot serve a CSV or a calendar):
 * `/api/open-data/catalog.jsonld` and `/api/open-data/<locale>/<file>`; the site serves them
 * from its own origin at `/open-data/...` (web/server/routes/open-data/).
 *
 * Cached in memory, each file with the version of the content it was built from: the position
 * of the publishing change log (src/publishing/version.ts; log.ts writes a row, in the transaction
 * of the change, for every publish, update of published content, unpublish and delete). A request
 * reads that version (two indexed lookups) and rebuilds the file only when the log has moved since, so an
 * export follows the content from the commit of the change on, on every replica, with no timer.
 */
const JSON_TYPE = 'application/json; charset=utf-8';

const BUILDERS: Record<string, (strapi: Core.Strapi, locale: LocaleCode) => Promise<ExportFile>> = {
  'atlas.csv': async (strapi, locale) => ({
    body: atlasCsv(await atlas(strapi, locale)),
    contentType: 'text/csv; charset=utf-8; header=present',
  }),
  'atlas.json': async (strapi, locale) => ({
    body: JSON.stringify(atlasJson(await atlas(strapi, locale), locale)),
    contentType: JSON_TYPE,
  }),
  'atlas.geojson': async (strapi, locale) => ({
    body: JSON.stringify(atlasGeoJson(await atlas(strapi, locale))),
    contentType: 'application/geo+json; charset=utf-8',
  }),
  'atlas.schema.json': async () => ({ body: JSON.stringify(atlasTableSchema()), contentType: JSON_TYPE }),
  'trainings.ics': async (strapi, locale) => ({
    body: await trainingsIcs(strapi, locale),
    contentType: 'text/calendar; charset=utf-8',
  }),
  'modules.json': async (strapi, locale) => ({
    body: JSON.stringify(await modulesJson(strapi, locale)),
    contentType: JSON_TYPE,
  }),
  'job-sheets.json': async (strapi, locale) => ({
    body: JSON.stringify(await jobSheetsJson(strapi, locale)),
    contentType: JSON_TYPE,
  }),
  'competences.json': async (strapi, locale) => ({
    body: JSON.stringify(await competencesJson(strapi, locale)),
    contentType: JSON_TYPE,
  }),
};

interface Cached extends ExportFile {
  version: string;
  etag: string;
  licence?: string;
}

export function openDataRoutes(strapi: Core.Strapi): Core.Router {
  const cache = new Map<string, Promise<Cached>>();

  async function file(key: string, build: () => Promise<ExportFile>): Promise<Cached> {
    const version = await contentVersion(strapi);
    const cached = cache.get(key);
    if (cached) {
      const entry = await cached.catch(() => null);
      if (entry && entry.version === version) return entry;
    }
    const building = build().then((built) => ({
      ...built,
      licence: licenceOfFile(key),
      version,
      etag: `"${createHash('sha256').update(built.body).digest('base64url').slice(0, 27)}"`,
    }));
    cache.set(key, building);
    building.catch(() => cache.delete(key));
    return building;
  }

  function send(ctx: KoaContext, entry: Cached, filename: string) {
    ctx.set('ETag', entry.etag);
    // Revalidated on every use: a client gets the new file from the commit of a change on.
    ctx.set('Cache-Control', 'public, no-cache');
    ctx.set('Content-Disposition', `inline; filename="${filename}"`);
    ctx.set('Access-Control-Allow-Origin', '*');
    // The licence of every file, also where the format has no place for it (CSV): RFC 8288.
    if (entry.licence) ctx.set('Link', `<${entry.licence}>; rel="license"`);
    if (ctx.get('If-None-Match') === entry.etag) {
      ctx.status = 304;
      return;
    }
    ctx.type = entry.contentType;
    ctx.body = entry.body;
  }

  return {
    type: 'content-api',
    prefix: '/open-data',
    routes: [
      {
        method: 'GET',
        info: {},
        path: '/catalog.jsonld',
        handler: async (ctx: KoaContext) => {
          const entry = await file('catalog.jsonld', async () => ({
            body: JSON.stringify(catalogue(strapi, LOCALE_CODES)),
            contentType: 'application/ld+json; charset=utf-8',
          }));
          send(ctx, entry, 'catalog.jsonld');
        },
        config: { auth: false },
      },
      {
        method: 'GET',
        info: {},
        path: '/:locale/:file',
        handler: async (ctx: KoaContext) => {
          const locale = String(ctx.params.locale) as LocaleCode;
          const name = String(ctx.params.file);
          if (!LOCALE_CODES.includes(locale) || !FILES.has(name) || !BUILDERS[name]) {
            return ctx.notFound(
              `No such open-data file. Files: ${[...FILES].join(', ')}; locales: ${LOCALE_CODES.join(', ')}.`,
            );
          }
          const entry = await file(`${locale}/${name}`, () => BUILDERS[name]!(strapi, locale));
          send(ctx, entry, `${name.replace(/\.(\w+)$/, `-${locale}.$1`)}`);
        },
        config: { auth: false },
      },
    ],
  };
}

/** The licence of a file (`<locale>/<file>`), from the data set that lists it; none for the catalogue. */
function licenceOfFile(key: string): string | undefined {
  const name = key.split('/').pop();
  const set = DATASETS.find((d) => d.distributions.some((x) => x.file === name) || d.schema === name);
  return set ? LICENCES[set.licence].url : undefined;
}
