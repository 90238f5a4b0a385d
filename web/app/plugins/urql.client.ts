import type { Client } from '@urql/vue';
import type { CarriedResults } from '~/graphql/carried';

/**
 * The browser hydrates from the results the server carried in the payload, without urql
 * (useGraphqlQuery): its client, and urql with it, are loaded on the first query the payload does
 * not answer (a client-side navigation), starting from the same results. Those queries go to
 * /graphql on the site (proxied to the CMS).
 */
export default defineNuxtPlugin((nuxtApp) => {
  let client: Promise<Client> | undefined;
  const graphqlClient = () =>
    (client ??= import('~/graphql/client').then(
      ({ createGraphqlClient }) =>
        createGraphqlClient({
          url: '/graphql',
          initialState: (nuxtApp.payload.urql as CarriedResults | undefined)?.results,
        }).client,
    ));
  return { provide: { graphqlClient } };
});
