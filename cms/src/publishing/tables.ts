import type { Core } from '@strapi/strapi';

/**
 * Tables of the publishing pipeline (Strapi's schema sync leaves tables it did not create alone).
 * Created when missing on every start, after the sync, before anything uses them. Times are epoch
 * milliseconds (portable comparisons on SQLite and PostgreSQL).
 *
 * - content_changes: the change log. One row per public-visible change of an entry in one locale
 *   (published, updated, unpublished, deleted), written in the transaction of the change
 *   (log.ts). `seq` is given after commit, in commit order, by one serialized step (sequence.ts):
 *   readers (the partners' feed, the purge worker) read only rows that have one, in `seq` order,
 *   so that a row committed late can never be skipped by a reader who paged past its id.
 *   `related`: other entries whose pages must be purged too (a job sheet newly linked by a module),
 *   as `type:documentId` separated by spaces.
 * - content_purge_targets: one row per site URL that receives purges (SITE_PURGE_URLS): how far
 *   it has been purged (`purged_seq`), its retry state, and the lease of the worker sending to it.
 */
export const CHANGES_TABLE = 'content_changes';
export const PURGE_TARGETS_TABLE = 'content_purge_targets';

export async function ensurePublishingTables(strapi: Core.Strapi) {
  const schema = () => strapi.db.connection.schema;
  if (!(await schema().hasTable(CHANGES_TABLE))) {
    await schema().createTable(CHANGES_TABLE, (table) => {
      table.increments('id').primary();
      table.bigInteger('seq');
      table.string('type', 64).notNullable();
      table.string('document_id', 64).notNullable();
      table.string('locale', 16).notNullable();
      table.string('action', 16).notNullable();
      table.bigInteger('at').notNullable();
      table.text('related');
    });
  }
  if (!(await schema().hasTable(PURGE_TARGETS_TABLE))) {
    await schema().createTable(PURGE_TARGETS_TABLE, (table) => {
      table.string('url', 500).primary();
      table.bigInteger('purged_seq').notNullable().defaultTo(0);
      table.integer('attempts').notNullable().defaultTo(0);
      table.bigInteger('available_at').notNullable().defaultTo(0);
      table.string('claimed_by', 64);
      table.bigInteger('claimed_until');
      table.text('last_error');
      table.bigInteger('updated_at').notNullable().defaultTo(0);
    });
  }
  // Indexes as idempotent statements (also on a table an older version created).
  for (const statement of [
    `CREATE UNIQUE INDEX IF NOT EXISTS ${CHANGES_TABLE}_seq_uq ON ${CHANGES_TABLE} (seq)`,
    // The sequencer's scan: rows still without a seq (few at any time).
    `CREATE INDEX IF NOT EXISTS ${CHANGES_TABLE}_unsequenced_idx ON ${CHANGES_TABLE} (id) WHERE seq IS NULL`,
    `CREATE INDEX IF NOT EXISTS ${CHANGES_TABLE}_at_idx ON ${CHANGES_TABLE} (at)`,
  ]) {
    await strapi.db.connection.raw(statement);
  }
}
