// Training session dates: rendered on the server in the session's own time zone with the zone named,
// and again in the reader's zone by the browser when it differs.
import { dateFormat } from './intl';

export interface TrainingSessionTimes {
  startsAt: string;
  endsAt: string;
  timezone: string;
}

// Node and browsers ship different ICU data: narrow/thin no-break spaces in one are plain spaces in
// the other. Plain spaces everywhere keep the server's HTML and the hydrated page identical.
const spaces = (text: string) => text.replace(/[\u00a0\u2009\u202f]/g, ' ');

function safeZone(timeZone: string): string {
  try {
    dateFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/** "mardi 22 décembre 2026, 09:30 – 16:30 UTC+1 (Europe/Paris)" in `timeZone`, the zone named. */
export function formatTrainingSessionRange(
  { startsAt, endsAt }: TrainingSessionTimes,
  locale: string,
  timeZone: string,
): string {
  const zone = safeZone(timeZone);
  const format = dateFormat(locale, {
    timeZone: zone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'long',
  });
  return spaces(`${format.formatRange(new Date(startsAt), new Date(endsAt))} (${zone.replace(/_/g, ' ')})`);
}

/** "22 déc. 2026" — the short day of a session in its own zone, for lists. */
export function formatTrainingSessionDay(startsAt: string, locale: string, timeZone: string): string {
  return spaces(
    dateFormat(locale, { timeZone: safeZone(timeZone), day: 'numeric', month: 'short', year: 'numeric' }).format(
      new Date(startsAt),
    ),
  );
}

/** The month of a session in its own zone, `YYYY-MM`: the value of the month filter. */
export function trainingSessionMonth(startsAt: string, timeZone: string): string {
  const parts = dateFormat('en-CA', { timeZone: safeZone(timeZone), year: 'numeric', month: '2-digit' }).formatToParts(
    new Date(startsAt),
  );
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}`;
}

/** "décembre 2026" for a `YYYY-MM` value. */
export function formatMonth(month: string, locale: string): string {
  const [year, mon] = month.split('-').map(Number);
  return spaces(
    dateFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(Date.UTC(year!, mon! - 1, 15)),
    ),
  );
}

/** "1 févr. 2027, 18:00 UTC+1"-style date and time of a moment in a zone (registration opening…). */
export function formatMoment(value: string, locale: string, timeZone: string): string {
  return spaces(
    dateFormat(locale, {
      timeZone: safeZone(timeZone),
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    }).format(new Date(value)),
  );
}
