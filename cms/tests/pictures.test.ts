import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getApp, graphql, LOCALES, nonEmpty } from './strapi';
import { loadFixtures } from '../src/seed/fixtures';
import { hasLogo, seedPictures } from '../src/seed/pictures';

/**
 * The demo content's pictures (src/seed/pictures.ts): every module, job sheet and webinar has a cover and
 * every interview a portrait, in every locale, as real uploads the public reads through GraphQL,
 * each described in the locale's language or marked decorative; the organisations chosen to have
 * a placeholder mark have it. The rule that refuses an informative image without text still holds.
 */
const fixtures = loadFixtures(path.resolve(import.meta.dirname, '../data'));

const TYPES = [
  { list: 'modules', folder: 'modules', field: 'cover', decorative: true },
  { list: 'jobSheets', folder: 'job-sheets', field: 'cover', decorative: true },
  { list: 'webinars', folder: 'webinars', field: 'cover', decorative: true },
  { list: 'interviews', folder: 'interviews', field: 'portrait', decorative: false },
] as const;

async function entries(list: string, field: string, locale: string, extra = '') {
  const { data, errors } = await graphql(
    `query($l: I18NLocaleCode) { ${list}(locale: $l, pagination: { limit: 200 }) {
       documentId slug ${extra} ${field} { url mime width height } ${field}Alt ${field}Decorative } }`,
    { l: locale },
  );
  expect(errors).toBeUndefined();
  return nonEmpty(data[list] as any[], `${list} in ${locale}`);
}

describe('demo pictures', () => {
  it.each(TYPES)(
    'every $list has its $field in all four locales, described or decorative',
    async ({ list, folder, field, decorative }) => {
      const { url } = await getApp();
      const texts = new Map<string, Set<string>>();
      for (const locale of LOCALES) {
        const rows = await entries(list, field, locale);
        expect(rows.length).toBe(fixtures.collections[folder].length);
        for (const row of rows) {
          const image = row[field];
          expect(image, `${list} ${row.slug} (${locale}) has no ${field}`).toBeTruthy();
          expect(image.mime).toBe('image/png');
          expect(image.width).toBeGreaterThan(0);
          expect(image.height).toBeGreaterThan(0);
          // Seeded decorative (covers) or described (portraits); an editor may since have described a
          // cover (the alt-text tests do, on the same database): then it has its text.
          if (!decorative) expect(row[`${field}Decorative`]).toBe(false);
          if (!row[`${field}Decorative`])
            expect(String(row[`${field}Alt`] ?? '').trim(), `${row.slug} (${locale})`).not.toBe('');
          if (!decorative) {
            const seen = texts.get(row.documentId) ?? new Set();
            seen.add(row[`${field}Alt`]);
            texts.set(row.documentId, seen);
          }
        }
        // The file is a real upload the CMS serves.
        const response = await fetch(`${url}${rows[0][field].url}`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^image\/png/);
      }
      // Each language has its own text (not the English one copied).
      for (const [documentId, seen] of texts) expect(seen.size, documentId).toBe(LOCALES.length);
    },
  );

  it('describes each portrait in the page’s language, naming the fictional person', async () => {
    const byLocale = Object.fromEntries(
      await Promise.all(LOCALES.map(async (l) => [l, await entries('interviews', 'portrait', l, 'personName')])),
    );
    const first = byLocale.en[0];
    const alt = (l: string) => byLocale[l].find((r: any) => r.documentId === first.documentId).portraitAlt;
    expect(alt('en')).toBe(`Illustrated portrait of ${first.personName}, a fictional person (sample portrait)`);
    expect(alt('fr')).toContain(`Portrait illustré de ${first.personName}`);
    expect(alt('it')).toContain(`Ritratto illustrato di ${first.personName}`);
    expect(alt('es')).toContain(`Retrato ilustrado de ${first.personName}`);
  });

  it('gives a placeholder mark to the chosen organisations only, described in every locale', async () => {
    const chosen = new Set(fixtures.collections.organisations.filter((o) => hasLogo(o, fixtures)).map((o) => o.slug));
    expect(chosen.size).toBeGreaterThanOrEqual(4);
    expect(chosen.size).toBeLessThan(fixtures.collections.organisations.length);
    for (const locale of LOCALES) {
      const rows = await entries('organisations', 'logo', locale, 'name');
      for (const row of rows) {
        if (!chosen.has(row.slug)) {
          expect(row.logo, row.slug).toBeNull();
          continue;
        }
        expect(row.logo?.mime, row.slug).toBe('image/png');
        expect(row.logoDecorative).toBe(false);
        expect(row.logoAlt).toContain(row.name);
      }
    }
  });

  it('seeds pictures once: a second run uploads and attaches nothing', async () => {
    const { strapi } = await getApp();
    const before = await strapi.db.query('plugin::upload.file').count();
    const ids: Record<string, Map<string, string>> = {};
    for (const { folder, list } of [...TYPES, { folder: 'organisations', list: 'organisations' }]) {
      const rows = await entries(
        list,
        list === 'organisations' ? 'logo' : folder === 'interviews' ? 'portrait' : 'cover',
        'en',
      );
      const keyBySlug = new Map(
        (fixtures.collections as any)[folder].map((f: any) => [f.slug ?? f.locales.en.slug, f.key]),
      );
      ids[folder] = new Map(rows.map((r: any) => [keyBySlug.get(r.slug) as string, r.documentId]));
    }
    expect(await seedPictures(strapi, fixtures, ids)).toBe(0);
    expect(await strapi.db.query('plugin::upload.file').count()).toBe(before);
  });

  it('still refuses to publish an informative cover without text in the language', async () => {
    const { strapi } = await getApp();
    const [module] = await entries('modules', 'cover', 'it');
    const documents = strapi.documents('api::module.module');
    const draft = await documents.findOne({ documentId: module.documentId, locale: 'it', populate: ['cover'] });
    const fileId = (draft as any).cover.id;
    await documents.update({
      documentId: module.documentId,
      locale: 'it',
      data: { cover: fileId, coverAlt: '', coverDecorative: false } as never,
    });
    await expect(documents.publish({ documentId: module.documentId, locale: 'it' })).rejects.toThrow();
    // Published version unchanged: still decorative, still with its cover.
    const [after] = (await entries('modules', 'cover', 'it')).filter((r) => r.documentId === module.documentId);
    expect(after.coverDecorative).toBe(true);
    expect(after.cover).toBeTruthy();
    // Put the draft back as it was.
    await documents.update({
      documentId: module.documentId,
      locale: 'it',
      data: { coverDecorative: true } as never,
    });
  });
});
