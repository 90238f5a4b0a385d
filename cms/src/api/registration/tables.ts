import type { Core } from '@strapi/strapi';

/**
 * Tables of the registration flow that are not content (Strapi's schema sync leaves tables it
 * did not create alone). Created when missing, on every start, before anything uses them.
 *
 * - registration_places: the place count, ONE row per session documentId (whatever its locales and
 *   draft/published copies), taken with a single conditional UPDATE (see places.ts).
 * - registration_outbox: mails to send, written in the same transaction as the registration change
 *   they announce, drained by outbox.ts. Times are epoch milliseconds (portable comparisons).
 */
export const PLACES_TABLE = 'registration_places';
export const OUTBOX_TABLE = 'registration_outbox';
export const RATE_LIMIT_TABLE = 'registration_rate_limits';
export const REGISTRATIONS_TABLE = 'registrations';
export const SESSIONS_TABLE = 'training_sessions';

export async function ensureRegistrationTables(strapi: Core.Strapi) {
  // A fresh schema builder per statement: knex builders accumulate what they are asked.
  const schema = () => strapi.db.connection.schema;
  if (!(await schema().hasTable(PLACES_TABLE))) {
    await schema().createTable(PLACES_TABLE, (table) => {
      table.string('session_document_id', 64).primary();
      table.integer('capacity').notNullable().defaultTo(0);
      table.integer('taken').notNullable().defaultTo(0);
      table.bigInteger('updated_at').notNullable().defaultTo(0);
    });
  }
  if (!(await schema().hasTable(OUTBOX_TABLE))) {
    await schema().createTable(OUTBOX_TABLE, (table) => {
      table.increments('id').primary();
      table.integer('registration_id').notNullable().index();
      table.string('kind', 32).notNullable();
      // The self-service token the mail links to, sealed (the registration stores only its hash);
      // cleared as soon as the mail is sent or given up.
      table.text('payload');
      table.string('status', 16).notNullable().defaultTo('pending');
      table.integer('attempts').notNullable().defaultTo(0);
      table.bigInteger('available_at').notNullable();
      table.string('claimed_by', 64);
      table.bigInteger('claimed_until');
      table.text('last_error');
      table.bigInteger('created_at').notNullable();
      table.bigInteger('sent_at');
      table.index(['status', 'available_at'], 'registration_outbox_due_idx');
    });
  }
}

/** Knex types, as Strapi's database exposes them (the CMS does not depend on knex directly). */
export type Db = Core.Strapi['db']['connection'];
export type Trx = Parameters<Parameters<Core.Strapi['db']['transaction']>[0]>[0]['trx'];
