import type { Core } from '@strapi/strapi';
import DataLoader from 'dataloader';
import { registrationState } from '../registration-state';
import { placesLeftBySession } from '../../registration/places/places';

const loadersByRequest = new WeakMap<object, DataLoader<string, number | undefined>>();

/** Places left per session documentId, read from the place counter, one query per request. */
function placesLoader(strapi: Core.Strapi, ctx: object) {
  let loader = loadersByRequest.get(ctx);
  if (!loader) {
    loader = new DataLoader<string, number | undefined>(async (documentIds) => {
      const left = await placesLeftBySession(strapi.db.connection, documentIds);
      return documentIds.map((id) => left.get(id));
    }, { batchScheduleFn: (callback) => setImmediate(callback) });
    loadersByRequest.set(ctx, loader);
  }
  return loader;
}

export async function sessionPlacesLeft(strapi: Core.Strapi, session: any, ctx: object) {
  const left = await placesLoader(strapi, ctx).load(session.documentId);
  // A session saved a moment ago may not have its counter row yet: nobody has taken a place.
  return left ?? Math.max(0, session.capacity ?? 0);
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
            description: 'One of: not-open, open, waitlist (full: new registrations are waitlisted), closed, past.',
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
