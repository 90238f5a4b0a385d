import { describe, expect, it } from 'vitest';
import { formatOfferDate, formatSalary, nextExpiry, secondsUntil } from '../../shared/job-offers';
import { resultTags } from '../../shared/cache-tags';
import { parse } from 'graphql';

describe('job offers on the site', () => {
  it('keeps a page no longer than its first offer is open', () => {
    const now = Date.parse('2027-01-01T00:00:00Z');
    const data = {
      jobOffers: [
        { __typename: 'JobOffer', publishedUntil: '2027-01-01T00:10:00Z' },
        { __typename: 'JobOffer', publishedUntil: '2027-01-01T00:00:30Z' },
        // Closed already (an expired offer found alone): no bound from it.
        { __typename: 'JobOffer', publishedUntil: '2026-12-31T00:00:00Z' },
      ],
      jobSheet: { __typename: 'JobSheet', publishedUntil: '2027-01-01T00:00:01Z' },
    };
    expect(nextExpiry(data, now)).toBe(Date.parse('2027-01-01T00:00:30Z'));
    expect(secondsUntil(nextExpiry(data, now), now)).toBe(30);
    // Seen again 29.5 s later (the same data, kept): half a second left, counted as a whole one.
    expect(secondsUntil(nextExpiry(data, now), now + 29_500)).toBe(1);
    expect(nextExpiry({ modules: [{ __typename: 'Module' }] }, now)).toBeUndefined();
    expect(secondsUntil(undefined, now)).toBeUndefined();
  });

  it('tags a list of offers, and an offer page by its entry', () => {
    const query = parse(`query($locale: I18NLocaleCode) { jobOffers(locale: $locale) { documentId } }`);
    expect(
      resultTags(query, { locale: 'fr' }, { jobOffers: [{ __typename: 'JobOffer', documentId: 'a1' }] }).sort(),
    ).toEqual(['entry:jobOffer:a1', 'list:jobOffer:fr']);
  });

  it('writes salaries and closing days in the reader’s language', () => {
    expect(formatSalary({ min: 30000, max: 36000, currency: 'EUR' }, 'en')).toBe('€30,000 – €36,000');
    expect(formatSalary({ min: 700, max: 700, currency: 'EUR' }, 'fr')).toBe('700\u00a0€');
    expect(formatSalary({ min: null, max: null, currency: 'EUR' }, 'fr')).toBeUndefined();
    expect(formatOfferDate('2027-01-31T22:59:00.000Z', 'it')).toBe('31 gennaio 2027');
    expect(formatOfferDate('2027-01-31T22:59:00.000Z', 'es')).toBe('31 de enero de 2027');
  });
});
