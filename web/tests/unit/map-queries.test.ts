import { parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { OrganisationMapClusterDocument, OrganisationMapDocument } from '../../app/graphql/generated';
import { MAP_CLUSTER_QUERY, MAP_QUERY } from '../../app/graphql/map-queries';

describe("the Atlas map's queries", () => {
  it('are the documents of organisation.graphql, whose types they are given', () => {
    expect(print(parse(MAP_QUERY))).toBe(print(OrganisationMapDocument));
    expect(print(parse(MAP_CLUSTER_QUERY))).toBe(print(OrganisationMapClusterDocument));
  });
});
