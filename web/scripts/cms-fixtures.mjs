// Entries the browser tests need beyond the demo content (which exists in all four languages).
export const ENGLISH_ONLY_MODULE = { slug: 'test-only-in-english', title: 'Only in English (test entry)' };

/**
 * Sessions the self-service tests register for (tests/browser/self-service.test.ts): one with
 * room for everyone, one with a single place (the second registrant waits, and is promoted when
 * the first cancels). English only, open for registration, a month ahead.
 */
export const SELF_SERVICE_SESSIONS = [
  { slug: 'test-self-service-open', title: 'Self-service test session', capacity: 200, timezone: 'Europe/Rome' },
  { slug: 'test-self-service-full', title: 'Self-service test session with one place', capacity: 1, timezone: 'Europe/Lisbon' },
];

/** A published module with an English version only (its fr/it/es pages must fall back to English), and the sessions above. */
export async function addTestFixtures(strapi) {
  const modules = strapi.documents('api::module.module');
  if (!(await modules.findMany({ locale: 'en', filters: { slug: ENGLISH_ONLY_MODULE.slug } })).length) {
    await modules.create({
      locale: 'en',
      status: 'published',
      data: {
        title: ENGLISH_ONLY_MODULE.title,
        slug: ENGLISH_ONLY_MODULE.slug,
        level: 'discovery',
        summary: 'A module that exists in English only, to check the fallback notice.',
        theory: 'Some **theory** in English.',
      },
    });
  }
  const sessions = strapi.documents('api::training-session.training-session');
  const startsAt = new Date(Date.now() + 30 * 86400000);
  startsAt.setUTCHours(8, 0, 0, 0);
  for (const fixture of SELF_SERVICE_SESSIONS) {
    if ((await sessions.findMany({ locale: 'en', filters: { slug: fixture.slug } })).length) continue;
    await sessions.create({
      locale: 'en',
      status: 'published',
      data: {
        ...fixture,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 7 * 3600000),
        teachingLanguage: 'en',
        format: 'online',
        isFree: true,
        description: 'A session for the self-service tests.',
      },
    });
  }
}
