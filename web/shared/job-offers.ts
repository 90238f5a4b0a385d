// Job offers on the site: the filters' values, the dates and salaries as a reader reads them, and
// how long a page that lists offers may be kept (until the first of them expires).
import { dateFormat, numberFormat } from './intl';

/** The contracts, in the order the filter shows them (GraphQL's enum values). */
export const CONTRACTS = ['employment', 'internship', 'apprenticeship', 'volunteering', 'freelance'] as const;
/** Where the work is done (GraphQL writes `on-site` as `on_site`). */
export const WORKPLACES = ['on_site', 'hybrid', 'remote'] as const;
/** Offers per page of the list. */
export const OFFERS_PAGE_SIZE = 10;
/** The zone in which an offer's closing day is told (the academy's; the instant itself is exact). */
const OFFER_ZONE = 'Europe/Brussels';

/** "31 January 2027": the day an offer closes, in the reader's language. */
export function formatOfferDate(value: string, locale: string): string {
  return dateFormat(locale, { timeZone: OFFER_ZONE, day: 'numeric', month: 'long', year: 'numeric' })
    .format(new Date(value))
    .replace(/\u202f/g, '\u00a0');
}

/** "30 000 – 36 000 €", "700 €": an offer's salary in the reader's language, or nothing. */
export function formatSalary(
  salary: { min?: number | null; max?: number | null; currency?: string | null },
  locale: string,
): string | undefined {
  if (!salary.currency || (salary.min == null && salary.max == null)) return undefined;
  const format = numberFormat(locale, {
    style: 'currency',
    currency: salary.currency,
    maximumFractionDigits: 0,
  });
  const text =
    salary.min != null && salary.max != null && salary.min !== salary.max
      ? format.formatRange(salary.min, salary.max)
      : format.format((salary.min ?? salary.max)!);
  return text.replace(/\u202f/g, '\u00a0');
}

/**
 * When the first offer in a GraphQL result closes (ms; every object whose `__typename` is
 * JobOffer, with a `publishedUntil` still ahead), or undefined when it holds none: a cached page
 * that lists offers must be rendered again then, so that a closed offer leaves it on time.
 */
export function nextExpiry(data: unknown, now = Date.now()): number | undefined {
  let next: number | undefined;
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const object = value as Record<string, unknown>;
    if (object.__typename === 'JobOffer' && typeof object.publishedUntil === 'string') {
      const at = Date.parse(object.publishedUntil);
      if (at > now && (next === undefined || at < next)) next = at;
    }
    for (const child of Object.values(object)) if (child && typeof child === 'object') visit(child);
  };
  visit(data);
  return next;
}

/** The seconds until `next` (nextExpiry), at least 1; undefined when there is none. */
export function secondsUntil(next: number | undefined, now = Date.now()): number | undefined {
  return next === undefined ? undefined : Math.max(1, Math.ceil((next - now) / 1000));
}
