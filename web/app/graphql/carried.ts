import type { SSRData } from '@urql/vue';

/** What the server's urql client leaves in the Nuxt payload (see ./client.ts). */
export interface CarriedResults {
  /** urql's ssrExchange data: serialized results by operation key. */
  results: SSRData;
  /** Operation name and variables (carriedKey) → urql's operation key. */
  index: Record<string, string>;
}

interface Document {
  readonly definitions: readonly { readonly kind: string; readonly name?: { readonly value: string } }[];
}

/** The same on both sides for the same document and variables (built by the same code). */
export function carriedKey(query: Document, variables: unknown): string {
  const operation = query.definitions.find((definition) => definition.kind === 'OperationDefinition');
  return `${operation?.name?.value ?? ''}:${JSON.stringify(variables ?? {})}`;
}

/** The result the server carried for this query, if any: data and error as urql had them. */
export function carriedResult(carried: CarriedResults | undefined, query: Document, variables: unknown) {
  const key = carried?.index[carriedKey(query, variables)];
  const serialized = key === undefined ? undefined : carried?.results[key];
  if (!serialized) return undefined;
  return { data: serialized.data ? JSON.parse(serialized.data) : undefined, error: serialized.error };
}
