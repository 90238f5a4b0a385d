import type { Section } from '#shared/routes';

/** The name of each section (its list page) in the locale files: `t(SECTION_LABELS['job-sheets'])`. */
export const SECTION_LABELS = {
  modules: 'sections.modules',
  'job-sheets': 'sections.jobSheets',
  interviews: 'sections.interviews',
  organisations: 'sections.organisations',
  'training-sessions': 'sections.trainingSessions',
  competences: 'sections.competences',
  'job-offers': 'jobOffers.section',
  webinars: 'sections.webinars',
  trainers: 'sections.trainers',
} as const satisfies Record<Section, string>;
