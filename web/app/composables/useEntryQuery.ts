import { useClientHandle, useQuery, type TypedDocumentNode } from '@urql/vue';

type EntryData = { entry?: readonly unknown[] | null };

const unavailable = () => createError({ statusCode: 503, statusMessage: 'Content unavailable', fatal: true });

/**
 * An entry page's query: the entry in the reader's language, else (a second request, only then)
 * the English one, shown with a notice. Asking for both in one request would put the same
 * document twice in one GraphQL response, where the CMS's batched `localizations` drop each
 * other's locale. Both go through the same client, so both travel in the payload.
 */
export async function useEntryQuery<Data extends EntryData, Variables extends { locale: string; slug: string }>(
  query: TypedDocumentNode<Data, Variables>,
  variables: Variables,
) {
  const { client } = useClientHandle();
  const own = useQuery<Data, Variables>({ query, variables: variables as never });
  await own;
  if (own.error.value && !own.data.value) throw unavailable();
  if (own.data.value?.entry?.length || variables.locale === 'en') return { data: own.data.value, isFallback: false };
  const english = await client.query(query, { ...variables, locale: 'en' }).toPromise();
  if (english.error && !english.data) throw unavailable();
  return { data: english.data, isFallback: true };
}
