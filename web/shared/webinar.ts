// What a webinar's page shows at a given moment (the CMS's data layer gives the join link only
// until the end; the page says the same from its own render time), and where its files are.
import type { Locale } from './routes';

export type WebinarPhase = 'upcoming' | 'live' | 'past';

export function webinarPhase(webinar: { startsAt: string; endsAt: string }, now: string | number | Date): WebinarPhase {
  const at = new Date(now).getTime();
  if (Date.parse(webinar.endsAt) <= at) return 'past';
  return Date.parse(webinar.startsAt) <= at ? 'live' : 'upcoming';
}

/**
 * An upload's address on the site's own origin (`/uploads/<file>`, served by server/routes/uploads):
 * the CMS gives `/uploads/…` with its local provider and an absolute address with S3.
 */
export function sameOriginUpload(url: string): string {
  const path = url.replace(/^https?:\/\/[^/]+/, '');
  return path.startsWith('/uploads/') ? path : `/uploads/${path.replace(/^\/+/, '')}`;
}

/** The calendar file of a webinar on the site's origin (server/routes/calendar/webinars). */
export function webinarCalendarPath(locale: Locale, slug: string): string {
  return `/calendar/webinars/${locale}/${encodeURIComponent(slug)}.ics`;
}

/** The host an external address leads to, as readers read it (`www.example.org`). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
