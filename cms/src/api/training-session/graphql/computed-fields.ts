import type { Core } from '@strapi/strapi';
import DataLoader from 'dataloader';
import { placesLeft, registrationState } from '../registration-state';

const REGISTRATION = 'api::registration.registration';
const countersByRequest = new WeakMap<object, DataLoader<string, number>>();

/** Confirmed registrations per session documentId, one grouped query per request. */
function confirmedCounter(strapi: Core.Strapi, ctx: object) {
  let loader = countersByRequest.get(ctx);
  if (!loader) {
    loader = new DataLoader<string, number>(async (documentIds) => {
      const meta: any = strapi.db.metadata.get(REGISTRATION as any);
      const column = meta.attributes.sessionDocumentId.columnName;
      const statusColumn = meta.attributes.status.columnName;
      const rows: Array<{ session: string; confirmed: string | number }> = await strapi.db
        .connection(meta.tableName)
        .select({ session: column })
        .count({ confirmed: '*' })
        .whereIn(column, [...documentIds])
        .andWhere(statusColumn, 'confirmed')
        .groupBy(column);
      const counts = new Map(rows.map((row) => [row.session, Number(row.confirmed)]));
      return documentIds.map((id) => counts.get(id) ?? 0);
    }, { batchScheduleFn: (callback) => setImmediate(callback) });
    countersByRequest.set(ctx, loader);
  }
  return loader;
}

export async function sessionPlacesLeft(strapi: Core.Strapi, session: any, ctx: object) {
  const confirmed = await confirmedCounter(strapi, ctx).load(session.documentId);
  return placesLeft(session.capacity, confirmed);
}

/** `placesLeft` and `registrationState` on TrainingSession. */
export default function computedFields(strapi: Core.Strapi) {
  return ({ nexus }: any) => ({
    types: [
      nexus.extendType({
        type: 'TrainingSession',
        definition(t: any) {
          t.nonNull.int('placesLeft', {
            description: 'Places not yet taken by a confirmed registration (0 when full).',
            resolve: (parent: any, _args: unknown, context: any) => sessionPlacesLeft(strapi, parent, context),
          });
          t.nonNull.string('registrationState', {
            description: 'One of: not-open, open, waitlist, closed, past.',
            resolve: async (parent: any, _args: unknown, context: any) =>
              registrationState(parent, await sessionPlacesLeft(strapi, parent, context)),
          });
        },
      }),
    ],
    resolversConfig: {
      'TrainingSession.placesLeft': { auth: false },
      'TrainingSession.registrationState': { auth: false },
    },
  });
}
