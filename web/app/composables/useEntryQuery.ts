import type { TypedDocumentNode } from '@urql/vue';

type EntryData = { entry?: readonly unknown[] | null };
type EntryOf<Data extends EntryData> = NonNullable<NonNullable<Data['entry']>[number]>;

const unavailable = () => createError({ statusCode: 503, statusMessage: 'Content unavailable', fatal: true });

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
  const own = await useGraphqlQuery({ query, variables });
  if (own.error.value && !own.data.value) throw unavailable();
  const result = (data: Data | undefined, isFallback: boolean) => {
    const entry = data?.entry?.find(Boolean) as EntryOf<Data> | undefined;
    if (!data || !entry) throw createError({ statusCode: 404, statusMessage: 'Not found', fatal: true });
    return { data, entry, isFallback };
  };
  if (own.data.value?.entry?.length || variables.locale === 'en') return result(own.data.value, false);
  const english = await graphqlQuery(nuxtApp, query, { ...variables, locale: 'en' });
  if (english.error && !english.data) throw unavailable();
  return result(english.data, true);
}
