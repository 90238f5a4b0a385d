'use strict';

/**
 * The registration's `status` attribute became `registrationStatus`: Strapi 5's content manager
 * reserves `status` for the draft/published state and showed "Published" in its place. Renames the
 * column before Strapi's schema sync would drop it (with the data), and the partial unique index
 * of src/database/constraints.ts follows the rename.
 */
module.exports = {
  async up(knex) {
    if (!(await knex.schema.hasTable('registrations'))) return;
    if (!(await knex.schema.hasColumn('registrations', 'status'))) return;
    if (await knex.schema.hasColumn('registrations', 'registration_status')) return;
    await knex.raw('ALTER TABLE registrations RENAME COLUMN status TO registration_status');
  },
};
