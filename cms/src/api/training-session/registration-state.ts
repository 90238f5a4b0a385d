export type RegistrationState = 'not-open' | 'open' | 'waitlist' | 'closed' | 'past';

export interface SessionDates {
  startsAt: string | Date;
  endsAt: string | Date;
  registrationOpensAt?: string | Date | null;
  registrationClosesAt?: string | Date | null;
  capacity: number;
}

/** The registration state a reader sees, from the session's dates and the places left. */
export function registrationState(session: SessionDates, left: number, now = new Date()): RegistrationState {
  const time = (value: string | Date | null | undefined) => (value ? new Date(value).getTime() : undefined);
  const t = now.getTime();
  if (t >= (time(session.endsAt) ?? Infinity)) return 'past';
  const opens = time(session.registrationOpensAt);
  if (opens !== undefined && t < opens) return 'not-open';
  const closes = time(session.registrationClosesAt) ?? time(session.startsAt);
  if (closes !== undefined && t >= closes) return 'closed';
  return left > 0 ? 'open' : 'waitlist';
}
