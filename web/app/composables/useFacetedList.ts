import type { ComputedRef, Ref } from 'vue';
import { applyFilters, facetCounts, selectionFromQuery, type Facet } from '#shared/filters';
import type { FilterField } from '~/components/app/AppFilters.vue';

export interface ListFacet<T> extends Facet<T> {
  /** The filter's label (a select of AppFilters). */
  label: string;
  /** The values a reader may choose, in the order shown, with their labels. */
  choices: () => readonly { value: string; label: string }[];
}

/**
 * A list the page filters itself (modules, job sheets, training sessions): the facets chosen in
 * the URL query (`?theme=…`, so that a filtered list is a link and a plain GET form works without
 * JavaScript), the items that match them all, and AppFilters' fields, each choice with the count
 * of the list a reader would get by choosing it, the other filters staying as they are. (The
 * Atlas is filtered and counted by the CMS: pages/organisations/index.vue.)
 */
export function useFacetedList<T>(items: Ref<T[]> | ComputedRef<T[]>, facets: ListFacet<T>[]) {
  const route = useRoute();
  const selection = computed(() => selectionFromQuery(route.query, facets));
  const results = computed(() => applyFilters(items.value, facets, selection.value));
  const counts = computed(() => facetCounts(items.value, facets, selection.value));
  const fields = computed<FilterField[]>(() =>
    facets.map(({ name, label, choices }) => ({
      name,
      label,
      options: choices().map(({ value, label }) => ({ value, label, count: counts.value[name]?.get(value) ?? 0 })),
    })),
  );
  return { selection, results, fields };
}
