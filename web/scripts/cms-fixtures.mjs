// Entries the browser tests need beyond the demo content (which exists in all four languages).
export const ENGLISH_ONLY_MODULE = { slug: 'test-only-in-english', title: 'Only in English (test entry)' };

/** A published module with an English version only: its fr/it/es pages must fall back to English. */
export async function addTestFixtures(strapi) {
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
      summary: 'A module that exists in English only, to check the fallback notice.',
      theory: 'Some **theory** in English.',
    },
  });
}
