import type { AnyVariables, TypedDocumentNode } from '@urql/vue';
import type { MaybeRefOrGetter } from 'vue';

/**
 * Every page loads its content with this: a query through urql (results carried in the payload,
 * see useGraphqlQuery and plugins/urql.*.ts), awaited so that the page renders with its data on the
 * server. A CMS that does not answer is a 503 (the localized error page), never a half-empty page.
 */
export async function useContentQuery<Data, Variables extends AnyVariables>(
  query: TypedDocumentNode<Data, Variables>,
  variables: MaybeRefOrGetter<Variables>,
) {
  const result = await useGraphqlQuery({ query, variables });
  if (result.error.value && !result.data.value) {
    throw createError({ statusCode: 503, statusMessage: 'Content unavailable', fatal: true });
  }
  return result;
}
