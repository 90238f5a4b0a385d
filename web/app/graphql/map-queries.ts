// The Atlas map's two queries as text, for the map's own chunk: importing their documents from
// generated.ts would put them in the documents chunk every page loads (first-load budget). Their
// types come from generated.ts (OrganisationMap and OrganisationMapCluster in organisation.graphql);
// tests/unit/map-queries.test.ts holds both texts to those documents.
export const MAP_QUERY = `query OrganisationMap($locale: I18NLocaleCode!, $filters: OrganisationListingFilters, $west: Float!, $south: Float!, $east: Float!, $north: Float!, $zoom: Int!) {
  organisationMap(locale: $locale, filters: $filters, west: $west, south: $south, east: $east, north: $north, zoom: $zoom) {
    placed unplaced points { latitude longitude count clusterId documentId name slug kind }
  }
}`;

export const MAP_CLUSTER_QUERY = `query OrganisationMapCluster($locale: I18NLocaleCode!, $filters: OrganisationListingFilters, $clusterId: Int!) {
  organisationMapCluster(locale: $locale, filters: $filters, clusterId: $clusterId) { documentId name slug kind }
}`;
