/** The non-null entries of a GraphQL list (`[Module]!` may hold nulls). */
export function present<T>(items: readonly (T | null | undefined)[] | null | undefined): T[] {
  return (items ?? []).filter((item): item is T => item != null);
}
