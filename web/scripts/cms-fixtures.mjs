// Entries the browser tests need beyond the demo content (which exists in all four languages).
export const ENGLISH_ONLY_MODULE = { slug: 'test-only-in-english', title: 'Only in English (test entry)' };

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
  { slug: 'test-self-service-full', title: 'Self-service test session with one place', capacity: 1, timezone: 'Europe/Lisbon' },
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
      theory: 'Some **theory** in English.',
    },
  });
}

/**
 * An open session (registration from now until it starts in 30 days), in `locales` (the four by
 * default; the same slug in each), in the time zone `timezone`.
 */
export async function addSession(strapi, { slug, title, capacity, timezone = 'Europe/Brussels', locales = ['en', 'fr', 'it', 'es'] }) {
  const sessions = strapi.documents('api::training-session.training-session');
  if ((await sessions.findMany({ locale: 'en', filters: { slug } })).length) return;
  const day = 24 * 3600 * 1000;
  const startsAt = new Date(Math.ceil((Date.now() + 30 * day) / day) * day + 9 * 3600 * 1000);
  const shared = {
    slug, capacity, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3 * 3600 * 1000).toISOString(),
    timezone, teachingLanguage: 'en', format: 'online', hours: 3, isFree: true,
  };
  const description = 'A session for the registration tests.';
  const { documentId } = await sessions.create({ locale: 'en', status: 'published', data: { ...shared, title, description } });
  for (const locale of locales.filter((l) => l !== 'en')) {
    await sessions.update({ documentId, locale, status: 'published', data: { ...shared, title: `${title} (${locale})`, description } });
  }
}

/** A published module with an English version only (its fr/it/es pages fall back to English), and the test sessions. */
export async function addTestFixtures(strapi) {
  await addModule(strapi);
  for (const session of Object.values(REGISTRATION_SESSIONS)) await addSession(strapi, session);
  for (const session of SELF_SERVICE_SESSIONS) await addSession(strapi, { ...session, locales: ['en'] });
}
