import type { Core } from '@strapi/strapi';

/**
 * Tables of the registration flow that are not content (Strapi's schema sync leaves tables it
 * did not create alone). Created when missing, on every start, before anything uses them.
 *
 * - registration_places: the place count, ONE row per session documentId (whatever its locales and
 *   draft/published copies), taken with a single conditional UPDATE (see places/places.ts).
 * - registration_outbox: mails to send, written in the same transaction as the registration change
 *   they announce, drained by outbox/outbox.ts. Times are epoch milliseconds (portable comparisons).
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

/** Database times: SQLite returns epoch milliseconds (a number, or digits), PostgreSQL a Date. */
export type DbTime = Date | number | string;

/** A row of `registrations` (the registration content type's table) as the flow reads it. */
export interface RegistrationRow {
  id: number;
  document_id: string;
  session_document_id: string;
  session_title: string | null;
  full_name: string;
  email: string;
  email_normalized: string;
  organisation: string | null;
  registration_status: 'confirmed' | 'waitlisted' | 'cancelled';
  language: string;
  token_hash: string;
  policy_version: string;
  consent_at: DbTime;
  anonymised_at: DbTime | null;
  created_at: DbTime;
  updated_at: DbTime;
}

/** A mail of the outbox (see outbox/outbox.ts). */
export interface OutboxRow {
  id: number;
  /** 0 for a mail of another kind (outbox.ts's registerMailKind). */
  registration_id: number;
  kind: 'confirmation' | 'waitlist' | 'promotion' | 'cancellation' | (string & {});
  /** JSON: the self-service token the mail links to (other kinds: the mail's data), sealed; cleared once sent. */
  payload: string | null;
  status: 'pending' | 'sent' | 'dropped' | 'failed';
  attempts: number;
  created_at: number | string;
  sent_at: number | string | null;
}

export type { Db, Query, Trx } from '../../database/knex';
