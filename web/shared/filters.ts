// List filters (modules, job sheets, organisations, training sessions): values come from the URL query so that a
// filtered list is a shareable link and a plain GET form works without JavaScript.

export interface Facet<T> {
  /** The query parameter, e.g. `theme`. */
  name: string;
  /** The values an item has for this facet (an item may have several: audiences, roles). */
  values: (item: T) => readonly (string | null | undefined)[];
}

export type Selection = Record<string, string>;

/**
 * The filters of each list, by their query parameter (the `name` of each facet of the page and of
 * its form field). The page cache keeps exactly these (shared/page-query.ts); a browser test checks
 * every list's form against it.
 */
export const LIST_FILTERS = {
  modules: ['theme', 'level', 'audience', 'competence'],
  'job-sheets': ['competence'],
  organisations: ['country', 'kind', 'role', 'service'],
  'training-sessions': ['language', 'format', 'month'],
  'job-offers': ['contract', 'country', 'workplace', 'job'],
} as const;

/** The kinds of organisation, as GraphQL enum values (Strapi writes `social-enterprise` as `social_enterprise`), in the order the Atlas's filter and the map's legend show them. */
export const ORGANISATION_KINDS = [
  'association',
  'cooperative',
  'mutual',
  'foundation',
  'social_enterprise',
  'public_body',
  'company',
  'network',
  'other',
] as const;

/** The selected value of each facet from a route query; unknown names and empty values are dropped. */
export function selectionFromQuery(query: Record<string, unknown>, facets: readonly { name: string }[]): Selection {
  const selection: Selection = {};
  for (const { name } of facets) {
    const raw = query[name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (typeof value === 'string' && value.trim() !== '') selection[name] = value.trim();
  }
  return selection;
}

function matches<T>(item: T, facets: readonly Facet<T>[], selection: Selection, except?: string): boolean {
  return facets.every(({ name, values }) => {
    if (name === except || !(name in selection)) return true;
    return values(item).includes(selection[name]);
  });
}

export function applyFilters<T>(items: readonly T[], facets: readonly Facet<T>[], selection: Selection): T[] {
  return items.filter((item) => matches(item, facets, selection));
}

/**
 * For each facet, how many items each value would give if chosen, the other selected facets
 * staying as they are (so a count is exactly the length of the list the reader would get).
 */
export function facetCounts<T>(
  items: readonly T[],
  facets: readonly Facet<T>[],
  selection: Selection,
): Record<string, Map<string, number>> {
  const counts: Record<string, Map<string, number>> = {};
  for (const facet of facets) {
    const map = new Map<string, number>();
    for (const item of items) {
      if (!matches(item, facets, selection, facet.name)) continue;
      for (const value of new Set(facet.values(item))) {
        if (value) map.set(value, (map.get(value) ?? 0) + 1);
      }
    }
    counts[facet.name] = map;
  }
  return counts;
}
