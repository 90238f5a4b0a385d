import { useQuery, type AnyVariables, type TypedDocumentNode } from '@urql/vue';
import type { MaybeRefOrGetter, Ref } from 'vue';
import { carriedResult, type CarriedResults } from '~/graphql/carried';
import type { NuxtApp } from '#app';

export interface GraphqlResult<Data> {
  data: Data | undefined;
  /** urql's CombinedError, or its serialized form when the result came in the payload. */
  error: unknown;
}

export interface GraphqlQuery<Data> {
  data: Ref<Data | undefined>;
  error: Ref<unknown>;
}

/**
 * One query through the site's urql client (plugins/urql.server.ts, urql.client.ts). While the
 * browser hydrates, the result the server carried in the payload, without loading urql:
 * hydration sends no request.
 * Call `useNuxtApp()` before any `await` of the caller's setup.
 */
export async function graphqlQuery<Data, Variables extends AnyVariables>(
  nuxtApp: NuxtApp,
  query: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<GraphqlResult<Data>> {
  if (import.meta.client && nuxtApp.isHydrating) {
    const carried = carriedResult(nuxtApp.payload.urql as CarriedResults | undefined, query, variables);
    if (carried) return carried;
  }
  const client = await nuxtApp.$graphqlClient();
  const { data, error } = await client.query(query, variables).toPromise();
  return { data, error };
}

/**
 * A reactive query (document, variables and pause may be refs or getters), awaitable like urql's
 * useQuery. On the server it is @urql/vue's useQuery; in the browser it starts from the payload
 * (graphqlQuery) and runs again through the client when its arguments change.
 */
export function useGraphqlQuery<Data, Variables extends AnyVariables>(args: {
  query: MaybeRefOrGetter<TypedDocumentNode<Data, Variables>>;
  variables: MaybeRefOrGetter<Variables>;
  pause?: MaybeRefOrGetter<boolean>;
}): GraphqlQuery<Data> & PromiseLike<GraphqlQuery<Data>> {
  if (import.meta.server) {
    const result = useQuery<Data, Variables>({
      query: computed(() => toValue(args.query)),
      variables: computed(() => toValue(args.variables)),
      pause: computed(() => !!toValue(args.pause)),
    } as never);
    const state: GraphqlQuery<Data> = { data: result.data as Ref<Data | undefined>, error: result.error };
    return { ...state, then: (resolve, reject) => result.then(() => state).then(resolve, reject) };
  }
  const nuxtApp = useNuxtApp();
  const state: GraphqlQuery<Data> = { data: shallowRef<Data>(), error: shallowRef<unknown>() };
  const request = computed(() => ({
    query: toValue(args.query),
    variables: toValue(args.variables),
    pause: !!toValue(args.pause),
  }));
  let latest = 0;
  async function run({ query, variables, pause }: typeof request.value) {
    if (pause) return;
    const id = ++latest;
    const result = await graphqlQuery(nuxtApp, query, variables);
    if (id !== latest) return;
    state.data.value = result.data;
    state.error.value = result.error;
  }
  watch(request, run);
  // While the page hydrates, a component awaiting its query goes on in a task of its own: the
  // layout's hydration, then the page's, each a shorter task than both together.
  const done = run(request.value).then(() => (nuxtApp.isHydrating ? yieldToMain() : undefined));
  return { ...state, then: (resolve, reject) => done.then(() => state).then(resolve, reject) };
}
