import type { Core } from '@strapi/strapi';
import DataLoader from 'dataloader';
import { registrationState, type SessionDates } from '../registration-state';
import type { ExtensionContext, ResolverContext } from '../../../graphql/extension';

/** A TrainingSession as its resolvers get it (the entry's fields). */
type TrainingSession = SessionDates & { documentId: string };
import { placesLeftBySession } from '../../registration/places/places';

const loadersByRequest = new WeakMap<object, DataLoader<string, number | undefined>>();

/** Places left per session documentId, read from the place counter, one query per request. */
function placesLoader(strapi: Core.Strapi, ctx: object) {
  let loader = loadersByRequest.get(ctx);
  if (!loader) {
    loader = new DataLoader<string, number | undefined>(
      async (documentIds) => {
        const left = await placesLeftBySession(strapi.db.connection, documentIds);
        return documentIds.map((id) => left.get(id));
      },
      { batchScheduleFn: (callback) => setImmediate(callback) },
    );
    loadersByRequest.set(ctx, loader);
  }
  return loader;
}

export async function sessionPlacesLeft(
  strapi: Core.Strapi,
  session: { documentId: string; capacity?: number | null },
  ctx: object,
) {
  const left = await placesLoader(strapi, ctx).load(session.documentId);
  // A session saved a moment ago may not have its counter row yet: nobody has taken a place.
  return left ?? Math.max(0, session.capacity ?? 0);
}

/** `placesLeft` and `registrationState` on TrainingSession. */
export default function computedFields(strapi: Core.Strapi) {
  return ({ nexus }: ExtensionContext) => ({
    types: [
      nexus.extendType({
        type: 'TrainingSession',
        definition(t) {
          t.nonNull.int('placesLeft', {
            description: 'Places not yet taken by a confirmed registration (0 when full).',
            resolve: (parent: TrainingSession, _args: unknown, context: ResolverContext) =>
              sessionPlacesLeft(strapi, parent, context),
          });
          t.nonNull.string('registrationState', {
            description: 'One of: not-open, open, waitlist (full: new registrations are waitlisted), closed, past.',
            resolve: async (parent: TrainingSession, _args: unknown, context: ResolverContext) =>
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
