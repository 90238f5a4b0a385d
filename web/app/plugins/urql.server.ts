import urql from '@urql/vue';
import { createGraphqlClient } from '~/graphql/client';

/**
 * The one GraphQL pattern of the site: a client per request on the server (provided to
 * @urql/vue), whose results travel to the browser in the Nuxt payload (see urql.client.ts).
 */
export default defineNuxtPlugin((nuxtApp) => {
  const { client, extract } = createGraphqlClient({ url: `${useRuntimeConfig().cmsUrl}/graphql` });
  nuxtApp.hook('app:rendered', () => {
    nuxtApp.payload.urql = extract();
  });
  nuxtApp.vueApp.use(urql, client);
  return { provide: { graphqlClient: () => Promise.resolve(client) } };
});
