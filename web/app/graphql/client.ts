import {
  Client,
  cacheExchange,
  fetchExchange,
  mapExchange,
  ssrExchange,
  type Exchange,
  type OperationResult,
  type SSRData,
  type SerializedResult,
} from '@urql/vue';
import { renderMarkdownFields } from '#shared/markdown';
import { loadMarkdownRenderer } from '~/utils/markdown';
import { carriedKey } from './carried';
import { jsonText } from './json-text';

/**
 * The site's urql client. On the server, one per request: it keeps every query's result for the
 * payload (`extract`), serialized as urql's ssrExchange does, with an index from each operation
 * (name and variables) to urql's key, so that the browser can hydrate from the payload without
 * urql (app/composables/useGraphqlQuery.ts). In the browser, created (and this module loaded) on
 * the first query that the payload does not answer, from the same results (urql's ssrExchange).
 * Rich-text fields leave it as HTML (shared/markdown.ts).
 */
export function createGraphqlClient({
  url,
  initialState,
  exchanges = [],
  headers,
}: {
  url: string;
  initialState?: SSRData;
  /**
   * Server only: exchanges above the rich text's (the page cache's tags, the preview's status, the
   * data cache, which keeps data with its rich text as HTML: graphql/data-cache.ts).
   */
  exchanges?: Exchange[];
  /** Server only: headers of every request to the CMS (the preview's token). */
  headers?: Record<string, string>;
}) {
  const isClient = import.meta.client;
  const index: Record<string, string> = {};
  const results: SSRData = {};
  const carry: Exchange = isClient
    ? ssrExchange({ isClient, initialState })
    : mapExchange({
        onOperation(operation) {
          if (operation.kind === 'query')
            index[carriedKey(operation.query, operation.variables)] = String(operation.key);
        },
        onResult(result) {
          if (result.operation.kind === 'query') results[result.operation.key] = carried(result);
        },
      });
  const markdown = mapExchange({
    async onResult(result) {
      if (!result.data) return result;
      const render = await loadMarkdownRenderer();
      return { ...result, data: renderMarkdownFields(result.data, render) };
    },
  });
  const client = new Client({
    url,
    exchanges: [cacheExchange, carry, ...exchanges, markdown, fetchExchange],
    preferGetMethod: false,
    ...(headers ? { fetchOptions: { headers } } : {}),
  });
  return { client, extract: () => ({ results, index }) };
}

/**
 * A result as it travels in the payload, where an error keeps only that it happened: the page
 * reads no more of it (it renders the localized error page), and the CMS's messages or the reason
 * it could not be reached ("fetch failed", its address) are nobody's business in the browser.
 */
function carried(result: OperationResult): SerializedResult {
  const serialized: SerializedResult = { hasNext: result.hasNext };
  if (result.data !== undefined) serialized.data = jsonText(result.data);
  if (result.error) serialized.error = { graphQLErrors: [], networkError: 'The content service could not answer.' };
  return serialized;
}
