import type { Core } from '@strapi/strapi';

/**
 * Database guarantees that Strapi's schema flags do not give (`unique` on a uid is checked by
 * the application only). Strapi's migrations run *before* its schema sync creates the tables,
 * and its sync only drops indexes it created itself, so these idempotent statements run after
 * the sync on every start.
 */
const SLUGGED_TABLES = [
  'modules',
  'job_sheets',
  'interviews',
  'training_sessions',
  'webinars',
  'themes',
  'audiences',
  'competences',
  'job_offers',
  // The trainers' corner (its kits).
  'trainer_kits',
];

export function constraintStatements(): string[] {
  const statements: string[] = [];
  for (const table of SLUGGED_TABLES) {
    // One published and one draft row per (slug, locale): Strapi keeps both versions of an entry.
    statements.push(
      `CREATE UNIQUE INDEX IF NOT EXISTS ${table}_slug_locale_published_uq ON ${table} (slug, locale) WHERE published_at IS NOT NULL`,
      `CREATE UNIQUE INDEX IF NOT EXISTS ${table}_slug_locale_draft_uq ON ${table} (slug, locale) WHERE published_at IS NULL`,
    );
  }
  // Organisation slugs are shared across locales: one per (slug, locale) still holds.
  statements.push(
    `CREATE UNIQUE INDEX IF NOT EXISTS organisations_slug_locale_published_uq ON organisations (slug, locale) WHERE published_at IS NOT NULL`,
    `CREATE UNIQUE INDEX IF NOT EXISTS organisations_slug_locale_draft_uq ON organisations (slug, locale) WHERE published_at IS NULL`,
    // The Atlas's listing (src/api/organisation/listing/query.ts): the published rows of a locale,
    // in name order, with the columns its filters read; the services link from the organisation.
    `CREATE INDEX IF NOT EXISTS organisations_listing_idx ON organisations (locale, name, document_id, country, kind) WHERE published_at IS NOT NULL`,
    `CREATE INDEX IF NOT EXISTS organisations_services_lnk_org_idx ON organisations_services_lnk (organisation_id, theme_id)`,
    // At most one live registration per (session, normalised email).
    `CREATE UNIQUE INDEX IF NOT EXISTS registrations_session_email_live_uq ON registrations (session_document_id, email_normalized) WHERE registration_status <> 'cancelled'`,
    // "I use this module": one record per posted form (its token), so a retried post adds nothing.
    `CREATE UNIQUE INDEX IF NOT EXISTS module_uses_request_key_uq ON module_uses (request_key)`,
  );
  return statements;
}

export async function ensureConstraints(strapi: Core.Strapi) {
  for (const statement of constraintStatements()) {
    await strapi.db.connection.raw(statement);
  }
}
