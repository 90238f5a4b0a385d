import type { Core } from '@strapi/strapi';

/**
 * The submitter's contact of each organisation proposed through the Atlas's form: personal data,
 * so a raw table, not a content type: nothing of it is in the REST API, the GraphQL schema or the
 * content manager (editors moderate the draft organisation; the contact only receives the mails).
 * One row per proposed organisation (its documentId), deleted when an editor publishes or deletes
 * the draft (moderation.ts). Times are epoch milliseconds.
 */
export const SUBMISSIONS_TABLE = 'organisation_submissions';
export const ORGANISATION = 'api::organisation.organisation';
export const ORGANISATIONS_TABLE = 'organisations';

export interface SubmissionRow {
  id: number;
  organisation_document_id: string;
  locale: string;
  full_name: string;
  email: string;
  created_at: number | string;
}

export async function ensureSubmissionTable(strapi: Core.Strapi) {
  const schema = strapi.db.connection.schema;
  if (await schema.hasTable(SUBMISSIONS_TABLE)) return;
  await strapi.db.connection.schema.createTable(SUBMISSIONS_TABLE, (table) => {
    table.increments('id').primary();
    table.string('organisation_document_id', 64).notNullable().unique();
    table.string('locale', 8).notNullable();
    table.string('full_name', 120).notNullable();
    table.string('email', 254).notNullable();
    table.bigInteger('created_at').notNullable();
  });
}
