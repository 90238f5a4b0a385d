import urql, { makeOperation, mapExchange, type Exchange } from '@urql/vue';
import { createGraphqlClient } from '~/graphql/client';
import { renderDataCache } from '~/graphql/data-cache';
import { resultTags } from '#shared/cache-tags';
import { CACHE_LIFETIME, CONTENT_TTL, isPageCached } from '#shared/page-cache';
import { nextExpiry, secondsUntil } from '#shared/job-offers';

/**
 * What a result's data tells the page cache (its tags, when its first offer closes), worked out
 * once for the data the data cache keeps: the same object, frozen, render after render.
 */
const FACTS = new WeakMap<object, { tags: string[]; closes: number | undefined }>();

/**
 * The one GraphQL pattern of the site: a client per request on the server (provided to
 * @urql/vue), whose results travel to the browser in the Nuxt payload (see urql.client.ts).
 *
 * It also tags the page for the page cache with everything its results hold (shared/cache-tags.ts),
 * so that the CMS's purges reach it; and, for a preview (server/middleware/preview.ts checked its
 * signed link), asks the CMS for drafts with the preview token, which stays on the server: the
 * browser hydrates from the payload and never queries as the preview.
 */
export default defineNuxtPlugin((nuxtApp) => {
  const event = nuxtApp.ssrContext!.event;
  const preview = event.context.preview;
  if (preview === 'invalid') throw createError({ statusCode: 404, statusMessage: 'Not found', fatal: true });
  const previewing = typeof preview === 'object' && preview !== null;
  useState<string | null>('preview-status', () => (previewing ? preview.status : null));

  const tags = new Set<string>();
  // The seconds until the first offer this page shows closes: the page is not kept past that.
  let expiresIn: number | undefined;
  const tagging = mapExchange({
    onResult(result) {
      if (!result.data) return;
      let facts = FACTS.get(result.data);
      if (!facts) {
        const { query, variables } = result.operation;
        facts = {
          tags: resultTags(query, variables as Record<string, unknown>, result.data),
          closes: nextExpiry(result.data),
        };
        if (Object.isFrozen(result.data)) FACTS.set(result.data, facts);
      }
      const next = secondsUntil(facts.closes);
      if (next !== undefined && (expiresIn === undefined || next < expiresIn)) expiresIn = next;
      for (const tag of facts.tags) tags.add(tag);
    },
  });
  const exchanges: Exchange[] = [tagging];
  if (previewing) {
    // Every query that takes a status reads the previewed version (drafts, or what is published);
    // urql's key and the payload keep the variables the page gave.
    const status = preview.status === 'published' ? 'PUBLISHED' : 'DRAFT';
    exchanges.push(
      mapExchange({
        onOperation(operation) {
          const declares = operation.query.definitions.some(
            (d) =>
              d.kind === 'OperationDefinition' &&
              d.variableDefinitions?.some((v) => v.variable.name.value === 'status'),
          );
          return declares
            ? makeOperation(
                operation.kind,
                { ...operation, variables: { ...operation.variables, status } },
                operation.context,
              )
            : operation;
        },
      }),
    );
  }
  const cmsUrl = useRuntimeConfig().cmsUrl;
  // What every reader may see reuses the CMS's recent answers (graphql/data-cache.ts).
  const dataCache = !previewing && isPageCached(event.path) ? renderDataCache(cmsUrl) : undefined;
  if (dataCache) exchanges.push(dataCache.exchange);
  const { client, extract } = createGraphqlClient({
    url: `${cmsUrl}/graphql`,
    exchanges,
    headers: previewing ? { authorization: `Bearer ${process.env.CMS_PREVIEW_TOKEN}` } : undefined,
  });
  nuxtApp.hook('app:rendered', () => {
    nuxtApp.payload.urql = extract();
    // The page as rendered goes to the page cache with its tags (a preview never: not cacheable there).
    if (!previewing && !nuxtApp.payload.error) {
      // A page that lists offers lives until the first of them closes, and is never served stale
      // past that (no stale-while-revalidate, for shared caches either): a closed offer leaves it on time.
      // A page made of kept answers lives that much less: CONTENT_TTL from the oldest answer.
      const oldest = dataCache?.oldestAnswer();
      const fresh =
        oldest === undefined ? CONTENT_TTL : Math.max(1, CONTENT_TTL - Math.floor((Date.now() - oldest) / 1000));
      const maxAge = expiresIn === undefined ? fresh : Math.min(fresh, expiresIn);
      useRouteCache((cache) => {
        cache
          .setCacheable()
          .setMaxAge(maxAge)
          .setStaleIfError(CACHE_LIFETIME)
          .addTags([...tags]);
        if (expiresIn === undefined) cache.allowStaleWhileRevalidate();
      }, event);
      if (expiresIn !== undefined) event.node.res.setHeader('cache-control', `s-maxage=${maxAge}`);
    }
  });
  nuxtApp.vueApp.use(urql, client);
  return { provide: { graphqlClient: () => Promise.resolve(client) } };
});
