import { describe, expect, it } from 'vitest';
import { registrationState } from '../../src/api/training-session/registration-state';
import { retentionCutoff } from '../../src/api/registration/retention';

const now = new Date('2026-06-15T12:00:00Z');
const day = (n: number) => new Date(now.getTime() + n * 86_400_000).toISOString();

describe("a session's registration state", () => {
  const session = {
    startsAt: day(10),
    endsAt: day(10.25),
    registrationOpensAt: day(-5),
    registrationClosesAt: null,
    capacity: 20,
  };

  it('follows the dates, then the places left', () => {
    expect(registrationState(session, 3, now)).toBe('open');
    expect(registrationState(session, 0, now)).toBe('waitlist');
    expect(registrationState({ ...session, registrationOpensAt: day(1) }, 3, now)).toBe('not-open');
    expect(registrationState({ ...session, registrationClosesAt: day(-1) }, 3, now)).toBe('closed');
    // Without a closing date, registration closes when the session starts.
    expect(registrationState({ ...session, startsAt: day(-0.1) }, 3, now)).toBe('closed');
    expect(registrationState({ ...session, startsAt: day(-2), endsAt: day(-1) }, 3, now)).toBe('past');
  });
});

describe('the retention period', () => {
  it('counts calendar months back from now', () => {
    expect(retentionCutoff(12, now).toISOString()).toBe('2025-06-15T12:00:00.000Z');
    expect(retentionCutoff(1, new Date('2026-03-31T00:00:00Z')).getUTCMonth()).toBe(2); // 31 Feb rolls into March
  });
});
