// Boots the real CMS for the site's tests (and by hand): a throwaway SQLite database with the demo
// content (or DATABASE_URL), on a free port. Prints `CMS_URL=<url>` once it answers; stops cleanly
// on SIGTERM/SIGINT. Reuses the CMS's own boot code (`cms/boot`).
import { bootStrapi } from 'cms/boot';
import { addSession, addTestFixtures, addTestUploads, removeTestUploads } from './cms-fixtures.mjs';

// `--admin`: the admin panel too, from the build scripts/test.mjs made (the admin's browser tests).
const { strapi, url } = await bootStrapi({
  throwaway: true,
  seed: 'first',
  adminPanel: process.argv.includes('--admin'),
});
const fixtures = process.argv.includes('--fixtures');
if (fixtures) await addTestFixtures(strapi);
// The test files of the media library, announced (key → URL path) for the tests; removed on stop.
const uploads = fixtures ? await addTestUploads(strapi) : [];
if (uploads.length)
  console.log(`TEST_UPLOADS=${JSON.stringify(Object.fromEntries(uploads.map((file) => [file.key, file.url])))}`);
// `--sessions=<slug>:<capacity>,…`: open sessions of known capacity (the registration benchmark).
const sessions = process.argv.find((arg) => arg.startsWith('--sessions='))?.slice('--sessions='.length);
for (const spec of sessions ? sessions.split(',') : []) {
  const [slug, capacity] = spec.split(':');
  await addSession(strapi, { slug, title: `Session ${slug}`, capacity: Number(capacity) });
}
console.log(`CMS_URL=${url}`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await removeTestUploads(strapi, uploads);
  await strapi.destroy().catch(() => {});
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop);
