import type { Core } from '@strapi/strapi';

/** Knex types, as Strapi's database exposes them (the CMS does not depend on knex directly). */
export type Db = Core.Strapi['db']['connection'];
export type Trx = Parameters<Parameters<Core.Strapi['db']['transaction']>[0]>[0]['trx'];
/** A query builder of either. */
export type Query = ReturnType<Db>;
