import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { resultTags } from '#shared/cache-tags';

// The page cache's tags (shared/cache-tags.ts): what a CMS change must purge.
describe('the tags of a GraphQL result', () => {
  const modulePage = parse(`query ModulePage($locale: I18NLocaleCode!, $slug: String!) {
    entry: modules(locale: $locale, filters: { slug: { eq: $slug } }, pagination: { limit: 1 }) {
      __typename documentId title jobSheets { __typename documentId title } localizations { __typename documentId locale }
    }
    sessions: trainingSessions(locale: $locale, filters: { module: { slug: { eq: $slug } } }) { __typename documentId title }
  }`);

  it('tags every entry rendered, and the lists asked for, in their locale', () => {
    const data = {
      entry: [
        {
          __typename: 'Module',
          documentId: 'm1',
          title: 'M',
          jobSheets: [{ __typename: 'JobSheet', documentId: 'j1', title: 'J' }],
          localizations: [],
        },
      ],
      sessions: [{ __typename: 'TrainingSession', documentId: 's1', title: 'S' }],
    };
    expect(resultTags(modulePage, { locale: 'fr', slug: 'm' }, data).sort()).toEqual(
      ['entry:jobSheet:j1', 'entry:module:m1', 'entry:trainingSession:s1', 'list:trainingSession:fr'].sort(),
    );
  });

  it('tags a lookup by slug that found nothing with its list: a publication may fill it', () => {
    expect(resultTags(modulePage, { locale: 'it', slug: 'nope' }, { entry: [], sessions: [] }).sort()).toEqual([
      'list:module:it',
      'list:trainingSession:it',
    ]);
  });

  it('tags lists, single types and the Atlas listing, by the locale literal or variable, English by default', () => {
    const query = parse(`query($locale: I18NLocaleCode!) {
      home(locale: $locale) { __typename heroTitle }
      organisationListing(locale: "es") { nodes { __typename documentId } }
      themes { __typename documentId name }
      trainingSessionRegistrationFormToken(session: "x")
    }`);
    const data = {
      home: { __typename: 'Home', heroTitle: 'Hi' },
      organisationListing: { nodes: [{ __typename: 'Organisation', documentId: 'o1' }] },
      themes: [],
      trainingSessionRegistrationFormToken: 't',
    };
    expect(resultTags(query, { locale: 'fr' }, data).sort()).toEqual([
      'entry:organisation:o1',
      'list:home:fr',
      'list:organisation:es',
      'list:theme:en',
    ]);
  });
});
