import urql, { Client, cacheExchange, fetchExchange, mapExchange, ssrExchange, type SSRData } from '@urql/vue';
import { renderMarkdownFields } from '#shared/markdown';

/**
 * The one GraphQL pattern of the site: a client per request on the server, whose results
 * (ssrExchange) travel to the browser in the Nuxt payload; the browser's client starts from them,
 * so hydration sends no request. Later navigations query /graphql on the site (proxied to the CMS).
 */
export default defineNuxtPlugin((nuxtApp) => {
  const ssr = ssrExchange({
    isClient: import.meta.client,
    initialState: import.meta.client ? (nuxtApp.payload.urql as SSRData | undefined) : undefined,
  });
  if (import.meta.server) {
    nuxtApp.hook('app:rendered', () => {
      nuxtApp.payload.urql = ssr.extractData();
    });
  }

  const markdown = mapExchange({
    async onResult(result) {
      if (!result.data) return result;
      const render = await loadMarkdownRenderer();
      return { ...result, data: renderMarkdownFields(result.data, render) };
    },
  });

  const config = useRuntimeConfig();
  const client = new Client({
    url: import.meta.server ? `${config.cmsUrl}/graphql` : '/graphql',
    exchanges: [cacheExchange, ssr, markdown, fetchExchange],
    preferGetMethod: false,
  });
  nuxtApp.vueApp.use(urql, client);
});
