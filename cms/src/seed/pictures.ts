import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, LOCALE_CODES, type LocaleCode } from '../i18n/locales';
import type { Fixture, FixtureSet } from './fixtures';
import { jobSheetCover, logoMark, moduleCover, portrait, type Illustration } from './illustrations';

/**
 * The demo content's pictures (src/seed/illustrations.ts) as real uploads of the media library,
 * attached to the seeded entries in every locale, with their alternative text in each language
 * or marked decorative. One row per content type and image field: a new illustrated type joins
 * with one row (its fixture folder, uid, the image field `x` with its `xAlt`/`xDecorative`).
 *
 * - Covers are decorative: abstract compositions that say nothing the title beside them does not
 *   (WCAG's "pure decoration"): `coverDecorative`, no text.
 * - Portraits are informative: they stand for the person the page is about, and the text says
 *   the person is fictional and the picture an illustration.
 * - Logos are informative, and honest: these organisations are real, the marks are not theirs,
 *   so the text says "placeholder mark". Only some organisations have one (`hasLogo`).
 *
 * Each SVG is rasterised to PNG here (sharp, as Strapi's upload plugin itself uses): a PNG is
 * what share previews and search engines accept (og:image, JSON-LD), and the site converts it to
 * AVIF/WebP at the sizes a page asks for (web/server/image/). Idempotent: a locale that already
 * has an image keeps it; the file is uploaded once per entry and shared by its locales.
 */
export interface PictureRow {
  folder: keyof FixtureSet['collections'] | string;
  uid: string;
  field: string;
  /** Whether the entry has a picture at all (default: every entry). */
  has?: (fixture: Fixture, fixtures: FixtureSet) => boolean;
  draw: (fixture: Fixture) => Illustration;
  /** The alternative text in a language, or `null`: decorative. */
  alt: (fixture: Fixture, locale: LocaleCode) => string | null;
}

const PORTRAIT_ALT: Record<LocaleCode, (name: string) => string> = {
  en: (name) => `Illustrated portrait of ${name}, a fictional person (sample portrait)`,
  fr: (name) => `Portrait illustré de ${name}, personne fictive (portrait d’exemple)`,
  it: (name) => `Ritratto illustrato di ${name}, persona immaginaria (ritratto di esempio)`,
  es: (name) => `Retrato ilustrado de ${name}, persona ficticia (retrato de ejemplo)`,
};
const LOGO_ALT: Record<LocaleCode, (name: string) => string> = {
  en: (name) => `${name}: placeholder mark (not its official logo)`,
  fr: (name) => `${name} : marque d’illustration (pas son logo officiel)`,
  it: (name) => `${name}: marchio illustrativo (non il suo logo ufficiale)`,
  es: (name) => `${name}: marca ilustrativa (no es su logotipo oficial)`,
};

/** Consortium partners, and the organisations the demo's modules, interviews and sessions name. */
export function hasLogo(organisation: Fixture, { collections }: FixtureSet): boolean {
  if (organisation.isConsortiumPartner) return true;
  const named = [...collections.modules, ...collections.interviews, ...collections['training-sessions']].flatMap((f) =>
    [f.authors ?? [], f.organisation ?? [], f.organiser ?? []].flat(),
  );
  return named.includes(organisation.key);
}

export const PICTURES: PictureRow[] = [
  {
    folder: 'modules',
    uid: 'api::module.module',
    field: 'cover',
    draw: (f) => moduleCover(f.key, f.theme),
    alt: () => null,
  },
  {
    folder: 'job-sheets',
    uid: 'api::job-sheet.job-sheet',
    field: 'cover',
    draw: (f) => jobSheetCover(f.key),
    alt: () => null,
  },
  {
    folder: 'webinars',
    uid: 'api::webinar.webinar',
    field: 'cover',
    // The modules' tiles in the colours of the webinar's first theme, drawn from its own key.
    draw: (f) => moduleCover(`webinar-${f.key}`, (f.themes as string[] | undefined)?.[0] ?? f.key),
    alt: () => null,
  },
  {
    folder: 'interviews',
    uid: 'api::interview.interview',
    field: 'portrait',
    draw: (f) => portrait(f.key),
    alt: (f, locale) => PORTRAIT_ALT[locale](f.personName),
  },
  {
    folder: 'organisations',
    uid: 'api::organisation.organisation',
    field: 'logo',
    has: hasLogo,
    draw: (f) => logoMark(f.key),
    alt: (f, locale) => LOGO_ALT[locale](f.name),
  },
];

type Documents = ReturnType<Core.Strapi['documents']>;

/** Uploads and attaches the pictures of the seeded entries (ids: documentIds by folder and key). */
export async function seedPictures(
  strapi: Core.Strapi,
  fixtures: FixtureSet,
  ids: Record<string, Map<string, string>>,
  rows: PictureRow[] = PICTURES,
): Promise<number> {
  let attached = 0;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sta-pictures-'));
  try {
    for (const row of rows) {
      const documents = strapi.documents(row.uid as never) as unknown as Documents;
      const entries = (fixtures.collections as Record<string, Fixture[]>)[row.folder] ?? [];
      for (const fixture of entries) {
        if (row.has && !row.has(fixture, fixtures)) continue;
        const documentId = ids[row.folder]?.get(fixture.key);
        if (!documentId) continue;
        const versions = await Promise.all(
          LOCALE_CODES.map(async (locale) => ({
            locale,
            entry: (await documents.findOne({
              documentId,
              locale,
              status: 'published',
              populate: { [row.field]: { fields: ['id'] } },
            } as never)) as Record<string, { id: number } | null> | null,
          })),
        );
        const missing = versions.filter((v) => v.entry && !v.entry[row.field]);
        if (!missing.length) continue;
        let fileId = versions.find((v) => v.entry?.[row.field])?.entry?.[row.field]?.id;
        if (!fileId)
          fileId = await upload(strapi, dir, `${row.folder}-${fixture.key}`, row.draw(fixture), fixture, row);
        // The default locale first: a shared field (a portrait, a logo) is then the same everywhere.
        missing.sort((a, b) => Number(b.locale === DEFAULT_LOCALE) - Number(a.locale === DEFAULT_LOCALE));
        for (const { locale } of missing) {
          const text = row.alt(fixture, locale);
          await documents.update({
            documentId,
            locale,
            status: 'published',
            data: {
              [row.field]: fileId,
              [`${row.field}Alt`]: text ?? null,
              [`${row.field}Decorative`]: text === null,
            },
          } as never);
          attached++;
        }
      }
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  return attached;
}

async function upload(
  strapi: Core.Strapi,
  dir: string,
  name: string,
  illustration: Illustration,
  fixture: Fixture,
  row: PictureRow,
): Promise<number> {
  const png = await sharp(Buffer.from(illustration.svg)).png({ compressionLevel: 9, palette: true }).toBuffer();
  const filepath = path.join(dir, `${name}.png`);
  await fs.writeFile(filepath, png);
  const [file] = (await strapi
    .plugin('upload')
    .service('upload')
    .upload({
      data: {
        fileInfo: {
          name: `${name}.png`,
          // The media library's own text (one per file): the default locale's, or none when decorative.
          alternativeText: row.alt(fixture, DEFAULT_LOCALE) ?? '',
          caption: 'Illustration generated for the demo content (cms/src/seed/illustrations.ts)',
        },
      },
      files: { filepath, originalFilename: `${name}.png`, mimetype: 'image/png', size: png.length },
    })) as Array<{ id: number }>;
  return file!.id;
}
