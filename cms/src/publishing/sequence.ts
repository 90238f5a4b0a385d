import type { Core } from '@strapi/strapi';
import type { Db, Trx } from '../database/knex';
import { CHANGES_TABLE } from './tables';

/**
 * Gives committed change-log rows their `seq`, in one serialized step, so that readers who page by
 * `seq` never skip a row. An auto-increment id is taken when a row is inserted, not when its
 * transaction commits: a reader paging by id could pass id 12 (committed) while id 11 is still
 * uncommitted, and never see 11. Here, every row gets its `seq` only once committed, and only
 * from a step that runs alone (PostgreSQL: a transaction-scoped advisory lock, held until this
 * step's own commit; SQLite: one writer at a time), continuing after the highest `seq` given.
 * So a reader that saw seq N has seen every row numbered up to N, and anything numbered later gets
 * a higher number. Safe on every replica at once: the lock makes them take turns.
 */
const LOCK_KEY = 0x5ec7a1; // this step's advisory lock (any constant of the application's own)
const BATCH = 500;

export async function sequenceChanges(strapi: Core.Strapi): Promise<number> {
  const postgres = strapi.db.dialect.client === 'postgres';
  let numbered = 0;
  for (;;) {
    const count = await strapi.db.connection.transaction(async (trx) => {
      if (postgres) await trx.raw('SELECT pg_advisory_xact_lock(?)', [LOCK_KEY]);
      const pending: Array<{ id: number }> = await trx(CHANGES_TABLE)
        .select('id')
        .whereNull('seq')
        .orderBy('id')
        .limit(BATCH);
      if (pending.length === 0) return 0;
      const [{ top }] = await trx(CHANGES_TABLE).max({ top: 'seq' });
      let next = Number(top ?? 0);
      for (const { id } of pending) await trx(CHANGES_TABLE).where({ id }).whereNull('seq').update({ seq: ++next });
      return pending.length;
    });
    numbered += count;
    if (count < BATCH) return numbered;
  }
}

/** The highest `seq` given so far (0 when none). */
export async function lastSeq(db: Db | Trx): Promise<number> {
  const [{ top }] = await db(CHANGES_TABLE).max({ top: 'seq' });
  return Number(top ?? 0);
}
