// Entries the browser tests need beyond the demo content (which exists in all four languages).
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
export const ENGLISH_ONLY_MODULE = { slug: 'test-only-in-english', title: 'Only in English (test entry)' };

/** A module that was never published: its text must never leave the CMS for the public. */
export const UNPUBLISHED_MODULE = { slug: 'test-never-published', marker: 'NEVER-PUBLISHED-FIXTURE-TEXT' };

/**
 * Sessions of known capacity for the registration tests (tests/browser/registration.test.ts), open
 * for registration, in the four languages (same slug in each). `open` has room for every test;
 * `small` has one place, so that the next registration is waitlisted.
 */
export const REGISTRATION_SESSIONS = {
  open: { slug: 'test-registration-open', title: 'Registration test session', capacity: 50 },
  small: { slug: 'test-registration-small', title: 'Registration test session with one place', capacity: 1 },
};

/**
 * Sessions the self-service tests register for (tests/browser/self-service.test.ts): one with
 * room for everyone, one with a single place (the second registrant waits, and is promoted when
 * the first cancels). English only, open for registration, a month ahead.
 */
export const SELF_SERVICE_SESSIONS = [
  { slug: 'test-self-service-open', title: 'Self-service test session', capacity: 200, timezone: 'Europe/Rome' },
  {
    slug: 'test-self-service-full',
    title: 'Self-service test session with one place',
    capacity: 1,
    timezone: 'Europe/Lisbon',
  },
];

async function addModule(strapi) {
  const modules = strapi.documents('api::module.module');
  const existing = await modules.findMany({ locale: 'en', filters: { slug: ENGLISH_ONLY_MODULE.slug } });
  if (existing.length) return;
  await modules.create({
    locale: 'en',
    status: 'published',
    data: {
      title: ENGLISH_ONLY_MODULE.title,
      slug: ENGLISH_ONLY_MODULE.slug,
      level: 'discovery',
      // Like every demo module: a course's workload is what Google's course documentation asks of its instances.
      durationHours: 2,
      summary: 'A module that exists in English only, to check the fallback notice.',
      // With addresses that hide a script behind character references (tests/browser/markdown.test.ts).
      theory:
        'Some **theory** in English, [a page of the site](/en/modules), [a hidden script](javascript&#58;alert(1)) and ![a hidden picture](&#106;avascript:alert(2)).',
    },
  });
}

/**
 * An open session (registration from now until it starts in 30 days), in `locales` (by default
 * every locale of the CMS; the same slug in each), in the time zone `timezone`.
 */
export async function addSession(strapi, { slug, title, capacity, timezone = 'Europe/Brussels', locales }) {
  locales ??= (await strapi.plugin('i18n').service('locales').find()).map((locale) => locale.code);
  const sessions = strapi.documents('api::training-session.training-session');
  if ((await sessions.findMany({ locale: 'en', filters: { slug } })).length) return;
  const day = 24 * 3600 * 1000;
  const startsAt = new Date(Math.ceil((Date.now() + 30 * day) / day) * day + 9 * 3600 * 1000);
  const shared = {
    slug,
    capacity,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3 * 3600 * 1000).toISOString(),
    timezone,
    teachingLanguage: 'en',
    format: 'online',
    hours: 3,
    isFree: true,
  };
  const description = 'A session for the registration tests.';
  const { documentId } = await sessions.create({
    locale: 'en',
    status: 'published',
    data: { ...shared, title, description },
  });
  for (const locale of locales.filter((l) => l !== 'en')) {
    await sessions.update({
      documentId,
      locale,
      status: 'published',
      data: { ...shared, title: `${title} (${locale})`, description },
    });
  }
}

/** A published module with an English version only (its fr/it/es pages fall back to English), and the test sessions. */
async function addUnpublishedModule(strapi) {
  const modules = strapi.documents('api::module.module');
  if ((await modules.findMany({ locale: 'en', status: 'draft', filters: { slug: UNPUBLISHED_MODULE.slug } })).length)
    return;
  const data = {
    title: `Draft ${UNPUBLISHED_MODULE.marker}`,
    slug: UNPUBLISHED_MODULE.slug,
    level: 'discovery',
    durationHours: 1,
    summary: UNPUBLISHED_MODULE.marker,
  };
  await modules.create({ locale: 'en', data });
}

export async function addTestFixtures(strapi) {
  await addModule(strapi);
  await addUnpublishedModule(strapi);
  for (const session of Object.values(REGISTRATION_SESSIONS)) await addSession(strapi, session);
  for (const session of SELF_SERVICE_SESSIONS) await addSession(strapi, { ...session, locales: ['en'] });
}

/**
 * Files in the media library for the uploads tests (tests/browser/uploads.test.ts), as an editor
 * could upload them: an HTML page and an SVG drawing that both run a script when opened, a PDF and
 * a PNG. Uploaded through Strapi's upload service (the CMS stores them in cms/public/uploads and
 * serves them under /uploads), so the test sees what the CMS really serves.
 */
export const TEST_UPLOADS = {
  html: {
    name: 'test-upload-page.html',
    mime: 'text/html',
    content: '<!doctype html><title>Uploaded page</title><script>alert("uploaded html ran")</script>',
  },
  svg: {
    name: 'test-upload-drawing.svg',
    mime: 'image/svg+xml',
    content:
      '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="0 0 40 40"><rect width="40" height="40" fill="#1b4d3e"/><script>alert("uploaded svg ran")</script></svg>',
  },
  pdf: {
    name: 'test-upload-document.pdf',
    mime: 'application/pdf',
    content:
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  },
  png: {
    name: 'test-upload-picture.png',
    mime: 'image/png',
    content: Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGOQ9rUDIgYIBQARqgKZ7TsWdQAAAABJRU5ErkJggg==',
      'base64',
    ),
  },
};

/** Uploads TEST_UPLOADS; resolves with the stored files (`{ key, id, url, … }`), for removeTestUploads. */
export async function addTestUploads(strapi) {
  const dir = mkdtempSync(join(tmpdir(), 'academy-uploads-'));
  const files = [];
  try {
    for (const [key, { name, mime, content }] of Object.entries(TEST_UPLOADS)) {
      const filepath = join(dir, name);
      writeFileSync(filepath, content);
      const [file] = await strapi
        .plugin('upload')
        .service('upload')
        .upload({
          data: { fileInfo: { name, alternativeText: name } },
          files: { filepath, originalFilename: name, mimetype: mime, size: statSync(filepath).size },
        });
      files.push({ ...file, key });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return files;
}

/**
 * Removes the files addTestUploads stored: from cms/public/uploads at once (Strapi may be shutting
 * down on the same signal, its database already gone), then from the media library if it can.
 */
export async function removeTestUploads(strapi, files) {
  for (const file of files) rmSync(join(strapi.dirs.static.public, file.url), { force: true });
  for (const file of files)
    await strapi.db
      .query('plugin::upload.file')
      .delete({ where: { id: file.id } })
      .catch(() => {});
}
