import { useQuery, type AnyVariables, type TypedDocumentNode } from '@urql/vue';
import type { MaybeRefOrGetter } from 'vue';

/**
 * Every page loads its content with this: urql's useQuery (results carried in the payload, see
 * plugins/urql.ts), awaited so that the page renders with its data on the server. A CMS that does
 * not answer is a 503 (the localized error page), never a half-empty page.
 */
export async function useContentQuery<Data, Variables extends AnyVariables>(
  query: TypedDocumentNode<Data, Variables>,
  variables: MaybeRefOrGetter<Variables>,
) {
  const result = useQuery<Data, Variables>({ query, variables: computed(() => toValue(variables)) as never });
  await result;
  if (result.error.value && !result.data.value) {
    throw createError({ statusCode: 503, statusMessage: 'Content unavailable', fatal: true });
  }
  return result;
}
