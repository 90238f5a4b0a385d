import { describe, expect, it } from 'vitest';
import { formatMonth, formatTrainingSessionRange, trainingSessionMonth } from '#shared/dates';

const session = { startsAt: '2027-01-31T23:30:00.000Z', endsAt: '2027-02-01T01:00:00.000Z', timezone: 'Europe/Rome' };

describe('session dates', () => {
  it('are written in the session’s zone, with the zone named, in the reader’s language', () => {
    const fr = formatTrainingSessionRange(session, 'fr', 'Europe/Rome');
    expect(fr).toContain('1 février 2027');
    expect(fr).toContain('00:30');
    expect(fr).toMatch(/UTC\+1 \(Europe\/Rome\)$/);
    const en = formatTrainingSessionRange(session, 'en', 'America/New_York');
    expect(en).toContain('January 31, 2027');
    expect(en).toMatch(/\(America\/New York\)$/);
  });

  it('fall in the month of the session’s own zone', () => {
    expect(trainingSessionMonth(session.startsAt, 'Europe/Rome')).toBe('2027-02');
    expect(trainingSessionMonth(session.startsAt, 'UTC')).toBe('2027-01');
    expect(formatMonth('2027-02', 'es')).toBe('febrero de 2027');
  });

  it('survive an unknown zone (written in UTC)', () => {
    expect(trainingSessionMonth(session.startsAt, 'Mars/Olympus')).toBe('2027-01');
  });
});
