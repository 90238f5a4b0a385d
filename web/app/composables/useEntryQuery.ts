import type { TypedDocumentNode } from '@urql/vue';

type EntryData = { entry?: readonly unknown[] | null };
type EntryOf<Data extends EntryData> = NonNullable<NonNullable<Data['entry']>[number]>;

const unavailable = () => createError({ statusCode: 503, statusMessage: 'Content unavailable', fatal: true });

/**
 * The CMS answered, and the entry is not there (unpublished, deleted, never was): the 404, never
 * the page cache's last good copy. That copy stays for when the CMS cannot be reached at all (a
 * 503: the cache serves it, stale-if-error); here it is dropped from this request, so the cache
 * has nothing to serve in the 404's place (nitro#1992).
 */
function notFound(event: ReturnType<typeof useRequestEvent>) {
  const context = event?.context as { multiCache?: { routeCachedDecoded?: unknown } } | undefined;
  if (context?.multiCache) delete context.multiCache.routeCachedDecoded;
  return createError({ statusCode: 404, statusMessage: 'Not found', fatal: true });
}

/**
 * An entry page's query, for the slug of the route: the entry in the reader's language, else (a
 * second request, only then) the English one, shown with a notice; neither is a 404. Asking for both in one request would put the same
 * document twice in one GraphQL response, where the CMS's batched `localizations` drop each
 * other's locale. Both go through the same client, so both travel in the payload.
 */
export async function useEntryQuery<Data extends EntryData, Variables extends { locale: string; slug: string }>(
  query: TypedDocumentNode<Data, Variables>,
): Promise<{ data: Data; entry: EntryOf<Data>; isFallback: boolean }> {
  const nuxtApp = useNuxtApp();
  const locale = useCurrentLocale();
  const variables = { locale: locale.value, slug: String(useRoute().params.slug) } as Variables;
  // A preview shows the one entry its signed link names (server/middleware/preview.ts), no other.
  const event = import.meta.server ? useRequestEvent() : undefined;
  const preview = event?.context.preview;
  const own = await useGraphqlQuery({ query, variables });
  if (own.error.value && !own.data.value) throw unavailable();
  const result = (data: Data | undefined, isFallback: boolean) => {
    const entry = data?.entry?.find(Boolean) as EntryOf<Data> | undefined;
    if (!data || !entry) throw notFound(event);
    if (typeof preview === 'object' && (entry as { documentId?: string }).documentId !== preview.documentId)
      throw notFound(event);
    return { data, entry, isFallback };
  };
  if (own.data.value?.entry?.length || variables.locale === 'en') return result(own.data.value, false);
  const english = await graphqlQuery(nuxtApp, query, { ...variables, locale: 'en' });
  if (english.error && !english.data) throw unavailable();
  return result(english.data, true);
}
