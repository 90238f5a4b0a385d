import type { Core } from '@strapi/strapi';

/** What the public role (readers and partners without a token) may do: read published content. */
export const PUBLIC_READ_TYPES = [
  'api::module.module',
  'api::job-sheet.job-sheet',
  'api::interview.interview',
  'api::organisation.organisation',
  'api::training-session.training-session',
  'api::webinar.webinar',
  'api::theme.theme',
  'api::audience.audience',
  'api::competence.competence',
  // Open offers only, and one expired offer when looked up by itself: src/security/expiry.ts.
  'api::job-offer.job-offer',
  'api::trainer-kit.trainer-kit',
] as const;
export const PUBLIC_SINGLE_TYPES = [
  'api::home.home',
  'api::site.site',
  'api::trainers-corner.trainers-corner',
] as const;

export function publicActions(): string[] {
  return [
    ...PUBLIC_READ_TYPES.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]),
    ...PUBLIC_SINGLE_TYPES.map((uid) => `${uid}.find`),
    'plugin::i18n.locales.listLocales',
  ];
}

/** Grants the public role its read permissions, creating only the missing ones. */
export async function ensurePublicPermissions(strapi: Core.Strapi) {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!role) throw new Error('The users-permissions public role is missing');
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const existing: Array<{ action: string }> = await permissions.findMany({
    where: { role: role.id },
    select: ['action'],
  });
  const have = new Set(existing.map((p) => p.action));
  for (const action of publicActions()) {
    if (!have.has(action)) await permissions.create({ data: { action, role: role.id } });
  }
}
