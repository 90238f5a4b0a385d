// schema.org JSON-LD for the pages: built here (pure functions, unit-tested) and written into the
// server-rendered HTML only, so that no client JavaScript is spent on it. Every block is checked
// against the schema.org vocabulary and Google's documented properties of its type
// (tests/structured-data/, run on every page of the built site by tests/browser/web-standards.test.ts).

export type JsonLd = Record<string, unknown>;

const CONTEXT = 'https://schema.org';
export const ACADEMY_NAME = 'Social Tech Academy';

/** The DigComp 2.2 framework, the set the competences' codes belong to. */
const DIGCOMP: JsonLd = {
  '@type': 'DefinedTermSet',
  name: 'DigComp 2.2: The Digital Competence Framework for Citizens',
  url: 'https://publications.jrc.ec.europa.eu/repository/handle/JRC128415',
};

/** ISCO-08, the ILO's classification of occupations (job sheets' `iscoCode`). */
const ISCO_08: JsonLd = {
  '@type': 'CategoryCodeSet',
  name: 'ISCO-08',
  url: 'https://www.ilo.org/public/english/bureau/stat/isco/isco08/',
};

/** The address of the licences the content uses, by their names as editors write them ("CC BY-SA 4.0", "CC-BY-SA-4.0"). */
const LICENCES: Record<string, string> = {
  CCBYSA40: 'https://creativecommons.org/licenses/by-sa/4.0/',
  CCBY40: 'https://creativecommons.org/licenses/by/4.0/',
  CCBYNCSA40: 'https://creativecommons.org/licenses/by-nc-sa/4.0/',
  CC010: 'https://creativecommons.org/publicdomain/zero/1.0/',
};

/** `license` is a URL or a CreativeWork: the licence's address when known, else a work named by the text. */
export function licence(text: string): string | JsonLd {
  return LICENCES[text.toUpperCase().replace(/[^A-Z0-9]/g, '')] ?? { '@type': 'CreativeWork', name: text.trim() };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Plain text from HTML rendered from the CMS's Markdown: JSON-LD text properties carry no markup. */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) =>
      name[0] === '#'
        ? String.fromCodePoint(Number(name[1] === 'x' || name[1] === 'X' ? `0${name.slice(1)}` : name.slice(1)))
        : (ENTITIES[name.toLowerCase()] ?? entity),
    )
    .replace(/\s+/g, ' ')
    .trim();
}

/** An ISO 8601 duration of `hours` (3.5 → PT3H30M). */
export function isoHours(hours: number): string {
  const whole = Math.floor(hours);
  const minutes = Math.round((hours - whole) * 60);
  const parts = `${whole ? `${whole}H` : ''}${minutes ? `${minutes}M` : ''}`;
  return `PT${parts || '0H'}`;
}

/** The academy: the provider of the modules, the organiser of the sessions that name no other. */
export function academy(siteUrl: string): JsonLd {
  return { '@type': 'Organization', name: ACADEMY_NAME, url: siteUrl };
}

/** The site and its publisher, for the home page (Google's site name and organization features). */
export function website(site: { url: string; siteUrl: string; locale: string; description: string }): JsonLd[] {
  return [
    {
      '@context': CONTEXT,
      '@type': 'WebSite',
      name: ACADEMY_NAME,
      url: site.url,
      inLanguage: site.locale,
      publisher: academy(site.siteUrl),
    },
    { '@context': CONTEXT, ...academy(site.siteUrl), description: site.description },
  ];
}

/** A breadcrumb of at least two items (a one-item trail is no trail: the home page has none). */
export function breadcrumbList(items: readonly { name: string; url: string }[]): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: item.name,
      item: item.url,
    })),
  };
}

/** A DigComp 2.2 competence as a DefinedTerm (`url`: its page on the site). */
export function digCompTerm(competence: {
  code: string;
  name: string;
  description?: string | null;
  url?: string | null;
}): JsonLd {
  return {
    '@type': 'DefinedTerm',
    name: competence.name,
    termCode: competence.code,
    ...(competence.url ? { url: competence.url } : {}),
    ...(competence.description ? { description: competence.description } : {}),
    inDefinedTermSet: DIGCOMP,
  };
}

/** A competence's page. */
export function definedTerm(competence: {
  code: string;
  name: string;
  description?: string | null;
  url: string;
}): JsonLd {
  return { '@context': CONTEXT, ...digCompTerm(competence) };
}

/** The competences list: the DigComp 2.2 set with its terms. */
export function definedTermSet(set: {
  url: string;
  competences: readonly { code: string; name: string; url: string }[];
}): JsonLd {
  return {
    '@context': CONTEXT,
    ...DIGCOMP,
    sameAs: DIGCOMP.url,
    url: set.url,
    hasDefinedTerm: set.competences.map(digCompTerm),
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
  /** HTML (rendered from the CMS's Markdown). */
  description?: string | null;
  hours?: number | null;
  isFree?: boolean | null;
  price?: number | null;
  registrationState: string;
  registrationOpensAt?: string | null;
  /** `url`: its page on the site. */
  organiser?: { name: string; url?: string } | null;
  externalRegistrationUrl?: string | null;
}

const ATTENDANCE = {
  online: 'https://schema.org/OnlineEventAttendanceMode',
  in_person: 'https://schema.org/OfflineEventAttendanceMode',
  hybrid: 'https://schema.org/MixedEventAttendanceMode',
} as const;

/** courseMode, in the words Google's course documentation uses. */
const COURSE_MODE = { online: 'Online', in_person: 'Onsite', hybrid: 'Blended' } as const;

function location(session: TrainingSessionLd): JsonLd | JsonLd[] {
  const virtual = { '@type': 'VirtualLocation', url: session.externalRegistrationUrl ?? session.url };
  const place = { '@type': 'Place', name: session.venue ?? '', address: session.venue ?? '' };
  if (session.format === 'online') return virtual;
  if (session.format === 'in_person') return place;
  return [place, virtual];
}

function offers(session: TrainingSessionLd): JsonLd {
  const availability =
    session.registrationState === 'open'
      ? 'https://schema.org/InStock'
      : session.registrationState === 'waitlist'
        ? 'https://schema.org/SoldOut'
        : session.registrationState === 'not-open'
          ? 'https://schema.org/PreOrder'
          : 'https://schema.org/Discontinued';
  return {
    '@type': 'Offer',
    url: session.externalRegistrationUrl ?? session.url,
    price: session.isFree ? 0 : (session.price ?? 0),
    priceCurrency: 'EUR',
    availability,
    ...(session.registrationOpensAt ? { validFrom: session.registrationOpensAt } : {}),
  };
}

/** The days a session spans (1 for a day's session), for a schedule when its hours are unknown. */
function days(session: TrainingSessionLd): number {
  return Math.max(1, Math.ceil((Date.parse(session.endsAt) - Date.parse(session.startsAt)) / 86_400_000));
}

/** A session as a CourseInstance (an Event): when, where, how, at what price, by whom. */
function courseInstance(session: TrainingSessionLd, siteUrl: string): JsonLd {
  const description = session.description ? plainText(session.description) : '';
  return {
    name: session.title,
    url: session.url,
    startDate: session.startsAt,
    endDate: session.endsAt,
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: ATTENDANCE[session.format],
    courseMode: COURSE_MODE[session.format],
    ...(session.hours
      ? { courseWorkload: isoHours(session.hours) }
      : {
          courseSchedule: {
            '@type': 'Schedule',
            startDate: session.startsAt,
            endDate: session.endsAt,
            repeatFrequency: 'P1D',
            repeatCount: days(session),
          },
        }),
    inLanguage: session.teachingLanguage,
    location: location(session),
    offers: offers(session),
    organizer: session.organiser
      ? {
          '@type': 'Organization',
          name: session.organiser.name,
          ...(session.organiser.url ? { url: session.organiser.url } : {}),
        }
      : academy(siteUrl),
    ...(description ? { description } : {}),
  };
}

/**
 * A session's page: an Event (for event search) that is a CourseInstance, about its module's
 * Course (no property of an Event or a CourseInstance names the course it belongs to; the Course
 * names its instances, on the module's page).
 */
export function trainingSessionEvent(
  session: TrainingSessionLd,
  siteUrl: string,
  course?: { name: string; url: string },
): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': ['Event', 'CourseInstance'],
    ...courseInstance(session, siteUrl),
    ...(course ? { about: { '@type': 'Course', name: course.name, url: course.url } } : {}),
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
  image?: string | null;
  updatedAt?: string | null;
  competences: readonly { code: string; name: string; url?: string | null }[];
  authors: readonly { name: string; url: string }[];
  sessions: readonly TrainingSessionLd[];
}

/** Module levels in the words Google's course documentation uses for educationalLevel. */
const LEVELS: Record<string, string> = { discovery: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced' };

/**
 * A module: a free Course. Its instances: the module itself, online and self-paced (its content is
 * the page), and each dated session.
 */
export function course(module: ModuleLd, siteUrl: string): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'Course',
    name: module.title,
    url: module.url,
    description: module.summary ?? module.title,
    inLanguage: module.locale,
    educationalLevel: LEVELS[module.level] ?? module.level,
    isAccessibleForFree: true,
    ...(module.licence ? { license: licence(module.licence) } : {}),
    ...(module.durationHours ? { timeRequired: isoHours(module.durationHours) } : {}),
    ...(module.image ? { image: module.image } : {}),
    ...(module.updatedAt ? { dateModified: module.updatedAt } : {}),
    provider: academy(siteUrl),
    ...(module.authors.length
      ? { author: module.authors.map((a) => ({ '@type': 'Organization', name: a.name, url: a.url })) }
      : {}),
    ...(module.competences.length ? { teaches: module.competences.map(digCompTerm) } : {}),
    offers: [{ '@type': 'Offer', category: 'Free', price: 0, priceCurrency: 'EUR' }],
    hasCourseInstance: [
      {
        '@type': 'CourseInstance',
        name: module.title,
        url: module.url,
        courseMode: 'Online',
        ...(module.durationHours ? { courseWorkload: isoHours(module.durationHours) } : {}),
        inLanguage: module.locale,
        offers: { '@type': 'Offer', category: 'Free', price: 0, priceCurrency: 'EUR', url: module.url },
      },
      ...module.sessions.map((s) => ({ '@type': 'CourseInstance', ...courseInstance(s, siteUrl) })),
    ],
  };
}

/**
 * An indicative salary range in the CMS's words ("€32,000–48,000 gross a year…", "32 000 à
 * 45 000 € brut par an…") as a MonetaryAmount with its bounds, the way Google's documentation
 * writes a salary range (JobPosting's baseSalary); nothing when the text gives no range in euros
 * per year or month.
 */
export function salaryRange(text: string): JsonLd | undefined {
  const amounts = [...text.matchAll(/\d{1,3}(?:[.,\s\u00a0\u202f]\d{3})+|\d{4,}/g)].map((m) =>
    Number(m[0].replace(/\D/g, '')),
  );
  const unit = /year|annu|anual|\ban\b/i.test(text)
    ? 'YEAR'
    : /month|mois|mese|\bmes\b/i.test(text)
      ? 'MONTH'
      : undefined;
  const [min, max] = amounts;
  if (!/€|EUR/.test(text) || !unit || min === undefined || max === undefined || !(min < max)) return undefined;
  return {
    '@type': 'MonetaryAmount',
    currency: 'EUR',
    value: { '@type': 'QuantitativeValue', minValue: min, maxValue: max, unitText: unit },
    description: text,
  };
}

export interface JobSheetLd {
  title: string;
  url: string;
  summary?: string | null;
  iscoCode?: string | null;
  escoUri?: string | null;
  missions: readonly { text: string }[];
  skills: readonly { name: string }[];
  competences: readonly { code: string; name: string; url?: string | null }[];
  salaryRange?: string | null;
}

/** A job sheet: an Occupation (its ESCO page is the same occupation: sameAs). */
export function occupation(jobSheet: JobSheetLd): JsonLd {
  const salary = jobSheet.salaryRange ? salaryRange(jobSheet.salaryRange) : undefined;
  return {
    '@context': CONTEXT,
    '@type': 'Occupation',
    name: jobSheet.title,
    url: jobSheet.url,
    description: jobSheet.summary ?? jobSheet.title,
    occupationLocation: { '@type': 'AdministrativeArea', name: 'Europe' },
    ...(jobSheet.missions.length ? { responsibilities: jobSheet.missions.map((m) => m.text) } : {}),
    ...(jobSheet.skills.length || jobSheet.competences.length
      ? { skills: [...jobSheet.skills.map((s) => s.name), ...jobSheet.competences.map(digCompTerm)] }
      : {}),
    ...(jobSheet.iscoCode
      ? { occupationalCategory: { '@type': 'CategoryCode', codeValue: jobSheet.iscoCode, inCodeSet: ISCO_08 } }
      : {}),
    ...(jobSheet.escoUri ? { sameAs: jobSheet.escoUri } : {}),
    ...(salary ? { estimatedSalary: salary } : {}),
  };
}

export interface InterviewLd {
  title: string;
  url: string;
  summary?: string | null;
  locale: string;
  personName: string;
  personRole?: string | null;
  organisation?: { name: string; url: string } | null;
  interviewDate?: string | null;
  updatedAt?: string | null;
  image?: string | null;
}

/** An interview: an Article, written by the academy, about the person interviewed. */
export function interviewArticle(interview: InterviewLd, siteUrl: string): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'Article',
    headline: interview.title,
    url: interview.url,
    ...(interview.summary ? { description: interview.summary } : {}),
    inLanguage: interview.locale,
    ...(interview.image ? { image: interview.image } : {}),
    ...(interview.interviewDate ? { dateCreated: interview.interviewDate } : {}),
    ...(interview.updatedAt ? { dateModified: interview.updatedAt } : {}),
    author: academy(siteUrl),
    publisher: academy(siteUrl),
    about: {
      '@type': 'Person',
      name: interview.personName,
      ...(interview.personRole ? { jobTitle: interview.personRole } : {}),
      ...(interview.organisation
        ? { worksFor: { '@type': 'Organization', name: interview.organisation.name, url: interview.organisation.url } }
        : {}),
    },
  };
}

export interface OrganisationLd {
  name: string;
  /** Its page on the site. */
  url: string;
  description?: string | null;
  website?: string | null;
  logo?: string | null;
  country: string;
  city?: string | null;
  foundedYear?: number | null;
  latitude?: number | null;
  longitude?: number | null;
}

/** An organisation of the Atlas: its own address is its website, its page here the page about it. */
export function organization(org: OrganisationLd): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'Organization',
    name: org.name,
    url: org.website || org.url,
    mainEntityOfPage: org.url,
    ...(org.description ? { description: org.description } : {}),
    ...(org.logo ? { logo: org.logo } : {}),
    ...(org.foundedYear ? { foundingDate: String(org.foundedYear) } : {}),
    address: {
      '@type': 'PostalAddress',
      addressCountry: org.country,
      ...(org.city ? { addressLocality: org.city } : {}),
    },
    ...(org.latitude != null && org.longitude != null
      ? {
          location: {
            '@type': 'Place',
            geo: { '@type': 'GeoCoordinates', latitude: org.latitude, longitude: org.longitude },
          },
        }
      : {}),
  };
}

/** Google's employmentType values for the CMS's contracts (job-posting documentation). */
export const EMPLOYMENT_TYPES: Record<string, string> = {
  employment: 'FULL_TIME',
  internship: 'INTERN',
  apprenticeship: 'OTHER',
  volunteering: 'VOLUNTEER',
  freelance: 'CONTRACTOR',
};

/** The CMS's salary periods as Google's unitText values. */
const SALARY_UNITS: Record<string, string> = { hour: 'HOUR', day: 'DAY', month: 'MONTH', year: 'YEAR' };

export interface JobPostingLd {
  title: string;
  url: string;
  /** The offer's description as HTML (written as plain text, as every JSON-LD text of the site). */
  descriptionHtml: string;
  datePosted: string;
  validThrough: string;
  contract: string;
  /** on_site | hybrid | remote (GraphQL's enum values). */
  workplace: string;
  city?: string | null;
  country: string;
  organisation?: { name: string; website?: string | null; url?: string | null; logo?: string | null } | null;
  salary?: { min?: number | null; max?: number | null; currency?: string | null; period?: string | null } | null;
}

/**
 * An open offer: a JobPosting as Google's job-posting documentation asks (title, description,
 * datePosted, validThrough, hiringOrganization, jobLocation with a PostalAddress, employmentType
 * in Google's values; a remote offer is TELECOMMUTE with the country applicants may live in).
 * People apply on the organisation's side: directApply false. Never written for an expired offer.
 */
export function jobPosting(offer: JobPostingLd): JsonLd {
  const salary = offer.salary;
  const amount =
    salary?.currency && (salary.min != null || salary.max != null)
      ? {
          '@type': 'MonetaryAmount',
          currency: salary.currency,
          value: {
            '@type': 'QuantitativeValue',
            ...(salary.min != null && salary.max != null && salary.min !== salary.max
              ? { minValue: salary.min, maxValue: salary.max }
              : { value: salary.min ?? salary.max }),
            ...(salary.period && SALARY_UNITS[salary.period] ? { unitText: SALARY_UNITS[salary.period] } : {}),
          },
        }
      : undefined;
  const organisation = offer.organisation;
  return {
    '@context': CONTEXT,
    '@type': 'JobPosting',
    title: offer.title,
    description: plainText(offer.descriptionHtml),
    url: offer.url,
    datePosted: offer.datePosted,
    validThrough: offer.validThrough,
    employmentType: EMPLOYMENT_TYPES[offer.contract] ?? 'OTHER',
    directApply: false,
    hiringOrganization: organisation
      ? {
          '@type': 'Organization',
          name: organisation.name,
          ...(organisation.website ? { sameAs: organisation.website } : {}),
          ...(organisation.url ? { url: organisation.url } : {}),
          ...(organisation.logo ? { logo: organisation.logo } : {}),
        }
      : { '@type': 'Organization', name: ACADEMY_NAME },
    jobLocation: {
      '@type': 'Place',
      address: {
        '@type': 'PostalAddress',
        ...(offer.city ? { addressLocality: offer.city } : {}),
        addressCountry: offer.country,
      },
    },
    ...(offer.workplace === 'remote'
      ? {
          jobLocationType: 'TELECOMMUTE',
          applicantLocationRequirements: { '@type': 'Country', name: offer.country },
        }
      : {}),
    ...(amount ? { baseSalary: amount } : {}),
  };
}

export interface WebinarLd {
  title: string;
  url: string;
  summary?: string | null;
  description?: string | null;
  startsAt: string;
  endsAt: string;
  /** The language it is held in. */
  language: string;
  image?: string | null;
  speakers: readonly { name: string; organisation?: { name: string; url: string } | null }[];
  /** The replay served by the site (absolute URLs), when there is one. */
  replay?: {
    contentUrl: string;
    thumbnailUrl?: string | null;
    uploadDate: string;
    /** Seconds. */
    duration?: number | null;
  } | null;
}

/** Seconds as an ISO 8601 duration (`PT1M5S`). */
export function isoSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${rest || (!h && !m) ? `${rest}S` : ''}`;
}

const webinarDescription = (webinar: WebinarLd) =>
  webinar.summary || (webinar.description ? plainText(webinar.description) : '') || webinar.title;

/**
 * A webinar's page: an online Event (its VirtualLocation is the page, where the join link is
 * while it is given), free, organised by the academy, with its speakers as performers; its replay
 * (a video on the site's origin) as a VideoObject the event records (`recordedIn`).
 */
export function webinarEvent(webinar: WebinarLd, siteUrl: string): JsonLd {
  const description = webinarDescription(webinar);
  const ended = Date.parse(webinar.endsAt) <= Date.now();
  return {
    '@context': CONTEXT,
    '@type': 'Event',
    name: webinar.title,
    url: webinar.url,
    description,
    startDate: webinar.startsAt,
    endDate: webinar.endsAt,
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
    location: { '@type': 'VirtualLocation', url: webinar.url },
    inLanguage: webinar.language,
    isAccessibleForFree: true,
    ...(webinar.image ? { image: webinar.image } : {}),
    offers: {
      '@type': 'Offer',
      url: webinar.url,
      price: 0,
      priceCurrency: 'EUR',
      availability: ended ? 'https://schema.org/Discontinued' : 'https://schema.org/InStock',
    },
    organizer: academy(siteUrl),
    ...(webinar.speakers.length
      ? {
          performer: webinar.speakers.map((s) => ({
            '@type': 'Person',
            name: s.name,
            ...(s.organisation
              ? { affiliation: { '@type': 'Organization', name: s.organisation.name, url: s.organisation.url } }
              : {}),
          })),
        }
      : {}),
    ...(webinar.replay ? { recordedIn: { '@id': `${webinar.url}#replay` } } : {}),
  };
}

/**
 * A webinar's replay: a VideoObject on the site's origin (its own node, which the Event names by
 * `@id`), with what Google's video documentation asks for.
 */
export function webinarReplay(webinar: WebinarLd): JsonLd | null {
  if (!webinar.replay) return null;
  return {
    '@context': CONTEXT,
    '@type': 'VideoObject',
    '@id': `${webinar.url}#replay`,
    name: webinar.title,
    description: webinarDescription(webinar),
    ...(webinar.replay.thumbnailUrl ? { thumbnailUrl: webinar.replay.thumbnailUrl } : {}),
    uploadDate: webinar.replay.uploadDate,
    contentUrl: webinar.replay.contentUrl,
    ...(webinar.replay.duration ? { duration: isoSeconds(webinar.replay.duration) } : {}),
    inLanguage: webinar.language,
    isAccessibleForFree: true,
  };
}

/** JSON for a <script type="application/ld+json">, safe inside HTML (no `</script>` break-out). */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
