// schema.org JSON-LD for the pages: built here (pure functions, unit-tested) and written into the
// server-rendered HTML only, so that no client JavaScript is spent on it.

export type JsonLd = Record<string, unknown>;

const ORGANISATION_NAME = 'Social Tech Academy';

export function breadcrumbList(items: readonly { name: string; url: string }[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, index) => ({ '@type': 'ListItem', position: index + 1, name: item.name, item: item.url })),
  };
}

export interface TrainingSessionLd {
  title: string;
  url: string;
  startsAt: string;
  endsAt: string;
  /** GraphQL enum values: `in_person` is the CMS's `in-person`. */
  format: 'online' | 'in_person' | 'hybrid';
  teachingLanguage: string;
  venue?: string | null;
  description?: string | null;
  isFree?: boolean | null;
  price?: number | null;
  registrationState: string;
  organiser?: { name: string; url?: string } | null;
  externalRegistrationUrl?: string | null;
}

const ATTENDANCE = {
  online: 'https://schema.org/OnlineEventAttendanceMode',
  in_person: 'https://schema.org/OfflineEventAttendanceMode',
  hybrid: 'https://schema.org/MixedEventAttendanceMode',
} as const;

function location(session: TrainingSessionLd): JsonLd | JsonLd[] {
  const virtual = { '@type': 'VirtualLocation', url: session.externalRegistrationUrl ?? session.url };
  const place = { '@type': 'Place', name: session.venue ?? '', address: session.venue ?? '' };
  if (session.format === 'online') return virtual;
  if (session.format === 'in_person') return place;
  return [place, virtual];
}

function offers(session: TrainingSessionLd): JsonLd {
  const availability =
    session.registrationState === 'open' ? 'https://schema.org/InStock'
    : session.registrationState === 'waitlist' ? 'https://schema.org/SoldOut'
    : session.registrationState === 'not-open' ? 'https://schema.org/PreOrder'
    : 'https://schema.org/Discontinued';
  return {
    '@type': 'Offer',
    url: session.externalRegistrationUrl ?? session.url,
    price: session.isFree ? 0 : (session.price ?? 0),
    priceCurrency: 'EUR',
    availability,
  };
}

/** A session as schema.org sees it: a CourseInstance (of its module's Course) that is also an Event. */
export function trainingSessionEvent(session: TrainingSessionLd, course?: { name: string; url: string }): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': ['Event', 'CourseInstance'],
    name: session.title,
    url: session.url,
    startDate: session.startsAt,
    endDate: session.endsAt,
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: ATTENDANCE[session.format],
    courseMode: session.format === 'in_person' ? 'onsite' : session.format === 'online' ? 'online' : 'blended',
    inLanguage: session.teachingLanguage,
    location: location(session),
    offers: offers(session),
    ...(session.description ? { description: session.description } : {}),
    ...(session.organiser ? { organizer: { '@type': 'Organization', name: session.organiser.name, ...(session.organiser.url ? { url: session.organiser.url } : {}) } } : {}),
    ...(course ? { isPartOf: { '@type': 'Course', name: course.name, url: course.url } } : {}),
  };
}

export interface ModuleLd {
  title: string;
  url: string;
  summary?: string | null;
  locale: string;
  licence?: string | null;
  level: string;
  durationHours?: number | null;
  competences: readonly { code: string; name: string }[];
  authors: readonly { name: string }[];
  sessions: readonly TrainingSessionLd[];
}

/** A module: a Course, with its dated sessions as CourseInstances. */
export function course(module: ModuleLd): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'Course',
    name: module.title,
    url: module.url,
    description: module.summary ?? module.title,
    inLanguage: module.locale,
    educationalLevel: module.level,
    isAccessibleForFree: true,
    ...(module.licence ? { license: module.licence } : {}),
    ...(module.durationHours ? { timeRequired: `PT${module.durationHours}H` } : {}),
    provider: { '@type': 'Organization', name: ORGANISATION_NAME },
    ...(module.authors.length ? { author: module.authors.map((a) => ({ '@type': 'Organization', name: a.name })) } : {}),
    teaches: module.competences.map((c) => `DigComp ${c.code} ${c.name}`),
    hasCourseInstance: module.sessions.map((s) => {
      const { '@context': _context, ...instance } = trainingSessionEvent(s);
      return { ...instance, '@type': 'CourseInstance' };
    }),
  };
}

export interface JobSheetLd {
  title: string;
  url: string;
  summary?: string | null;
  iscoCode?: string | null;
  escoUri?: string | null;
  skills: readonly { name: string }[];
  salaryRange?: string | null;
}

export function occupation(jobSheet: JobSheetLd): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'Occupation',
    name: jobSheet.title,
    url: jobSheet.url,
    description: jobSheet.summary ?? jobSheet.title,
    occupationLocation: { '@type': 'AdministrativeArea', name: 'Europe' },
    ...(jobSheet.skills.length ? { skills: jobSheet.skills.map((s) => s.name).join(', ') } : {}),
    ...(jobSheet.iscoCode || jobSheet.escoUri
      ? {
          occupationalCategory: {
            '@type': 'CategoryCode',
            ...(jobSheet.iscoCode ? { codeValue: jobSheet.iscoCode, inCodeSet: 'ISCO-08' } : {}),
            ...(jobSheet.escoUri ? { url: jobSheet.escoUri } : {}),
          },
        }
      : {}),
    ...(jobSheet.salaryRange ? { estimatedSalary: { '@type': 'MonetaryAmountDistribution', name: jobSheet.salaryRange, currency: 'EUR' } } : {}),
  };
}

export interface OrganisationLd {
  name: string;
  url: string;
  description?: string | null;
  website?: string | null;
  country: string;
  city?: string | null;
  foundedYear?: number | null;
  latitude?: number | null;
  longitude?: number | null;
}

export function organization(org: OrganisationLd): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: org.name,
    url: org.url,
    ...(org.description ? { description: org.description } : {}),
    ...(org.website ? { sameAs: [org.website] } : {}),
    ...(org.foundedYear ? { foundingDate: String(org.foundedYear) } : {}),
    address: { '@type': 'PostalAddress', addressCountry: org.country, ...(org.city ? { addressLocality: org.city } : {}) },
    ...(org.latitude != null && org.longitude != null
      ? { location: { '@type': 'Place', geo: { '@type': 'GeoCoordinates', latitude: org.latitude, longitude: org.longitude } } }
      : {}),
  };
}

/** JSON for a <script type="application/ld+json">, safe inside HTML (no `</script>` break-out). */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
