import { describe, expect, it } from 'vitest';
import { isExpired, isRelationLoad, isSingleLookup, JOB_OFFER } from '../../src/security/expiry';

describe('what counts as the lookup of one offer', () => {
  it('is its slug or documentId exactly, with the locale and publication state the API adds', () => {
    expect(isSingleLookup({ slug: { $eq: 'a' }, locale: 'en', publishedAt: { $notNull: true } })).toBe(true);
    expect(isSingleLookup({ documentId: 'abc', locale: 'fr' })).toBe(true);
    expect(isSingleLookup({ slug: { $in: ['a'] } })).toBe(false);
    expect(isSingleLookup({ slug: { $eq: 'a' }, contract: { $eq: 'internship' } })).toBe(false);
    expect(isSingleLookup({ $or: [{ slug: { $eq: 'a' } }] })).toBe(false);
    expect(isSingleLookup({ slug: { $contains: 'a' } })).toBe(false);
    expect(isSingleLookup({ publishedUntil: { $lt: new Date() } })).toBe(false);
    expect(isSingleLookup(undefined)).toBe(false);
  });

  it('a relation load is by primary key only, selecting the key, populating; an API read always has a locale', () => {
    expect(isRelationLoad({ where: { id: { $in: [1, 2] } }, select: ['id'], populate: { organisation: true } })).toBe(
      true,
    );
    expect(
      isRelationLoad({ where: { id: { $in: [1, 2] }, locale: 'en' }, select: ['id'], populate: { a: true } }),
    ).toBe(false);
    expect(isRelationLoad({ where: { id: 1 }, select: ['id', 'applyUrl'], populate: { a: true } })).toBe(false);
    expect(isRelationLoad({ where: { id: 1 }, select: ['id'] })).toBe(false);
  });

  it('an offer is expired from its publishedUntil on', () => {
    const now = new Date('2027-01-01T00:00:00Z');
    expect(isExpired(JOB_OFFER, { publishedUntil: '2027-01-01T00:00:00Z' }, now)).toBe(true);
    expect(isExpired(JOB_OFFER, { publishedUntil: '2027-01-01T00:00:01Z' }, now)).toBe(false);
    expect(isExpired('api::module.module', { publishedUntil: '2020-01-01' }, now)).toBe(false);
  });
});
