// What Google's Search documentation requires and recommends for each type of JSON-LD block the
// site writes, as data (one entry per type, its page in `doc`), checked on every top-level node
// of every block by checkGoogle(). A property path `a.b` is "every value of a has b"; `a|b` is
// "one of them". `recommended` are the documented recommendations the site gives (and so must
// keep giving); `notGiven` the ones it does not, each with the reason. A type without an entry
// here is an error: every block the site writes is covered.
//
// For Course and CourseInstance, Google documents two features (the course list and the course
// info carousel); the stricter course-info requirements are applied. For Occupation, Google's
// estimated-salary feature wants a salary distribution (median or percentiles); job sheets give an
// indicative range, written as a MonetaryAmount with its bounds, as Google writes ranges elsewhere
// (JobPosting's baseSalary).

type Node = Record<string, unknown>;

export interface GoogleRules {
  /** Google's documentation page for the type (or schema.org's, where Google has none). */
  doc: string;
  required: string[];
  recommended: string[];
  notGiven?: Record<string, string>;
  /** The documented rules that are not "has a property". */
  check?: (node: Node) => string[];
}

const valuesOf = (value: unknown): unknown[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
const typesOf = (node: unknown): string[] =>
  node && typeof node === 'object'
    ? valuesOf((node as Node)['@type']).filter((t): t is string => typeof t === 'string')
    : [];
const present = (value: unknown) =>
  value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && !value.length);

export const GOOGLE_RULES: Record<string, GoogleRules> = {
  Course: {
    doc: 'https://developers.google.com/search/docs/appearance/structured-data/course-info',
    required: [
      'name',
      'description',
      'provider',
      'provider.name',
      'offers',
      'offers.category',
      'hasCourseInstance',
      'hasCourseInstance.courseMode',
      'hasCourseInstance.courseSchedule|courseWorkload',
    ],
    recommended: ['inLanguage', 'provider.url', 'hasCourseInstance.inLanguage'],
    notGiven: {
      aggregateRating: 'modules are not rated',
      review: 'modules are not reviewed',
      availableLanguage: 'a module page is in one language; its other languages are its hreflang alternates',
      coursePrerequisites: 'modules have none',
      datePublished: 'the CMS keeps no date of first publication (publishedAt is the latest)',
      educationalCredentialAwarded: 'modules award no credential',
      financialAidEligible: 'modules are free',
      image: 'given when the module has a cover',
      syllabusSections: 'a module is one page, in sections without their own addresses',
      totalHistoricalEnrollment: 'modules are read, not enrolled in',
      video: 'modules have no video',
      'hasCourseInstance.instructor': 'the CMS names no trainer',
    },
    check: (node) =>
      valuesOf(node.offers).flatMap((offer) => {
        const o = offer as Node;
        return o.category !== 'Free' && !(present(o.price) && present(o.priceCurrency))
          ? ['offers: a course that is not free has price and priceCurrency']
          : [];
      }),
  },
  CourseInstance: {
    doc: 'https://developers.google.com/search/docs/appearance/structured-data/course-info',
    required: ['courseMode', 'courseSchedule|courseWorkload'],
    recommended: ['inLanguage', 'location', 'offers'],
    notGiven: { instructor: 'the CMS names no trainer' },
  },
  Event: {
    doc: 'https://developers.google.com/search/docs/appearance/structured-data/event',
    required: ['name', 'startDate', 'location'],
    recommended: [
      'description',
      'endDate',
      'eventAttendanceMode',
      'eventStatus',
      'offers',
      'offers.availability',
      'offers.price',
      'offers.priceCurrency',
      'offers.url',
      'organizer',
      'organizer.name',
      'organizer.url',
    ],
    notGiven: {
      image: 'sessions have no picture (a webinar gives its cover when it has one)',
      performer: 'the CMS names no trainer of a session (a webinar names its speakers)',
      previousStartDate: 'for rescheduled events only; the CMS keeps no previous date',
      'offers.validFrom': 'given when the session has a registration opening date',
    },
    // A place has an address; an online event's VirtualLocation has its URL.
    check: (node) =>
      valuesOf(node.location)
        .flatMap((location) => {
          const types = typesOf(location);
          const l = location as Node;
          if (types.includes('VirtualLocation')) return present(l.url) ? [] : ['location: a VirtualLocation has a url'];
          if (types.includes('Place')) return present(l.address) ? [] : ['location: a Place has an address'];
          return [`location: a Place or a VirtualLocation, not ${types.join('+') || 'text'}`];
        })
        .concat(
          node.eventAttendanceMode === 'https://schema.org/OnlineEventAttendanceMode' &&
            !valuesOf(node.location).some((l) => typesOf(l).includes('VirtualLocation'))
            ? ['location: an online event is at a VirtualLocation']
            : [],
        ),
  },
  BreadcrumbList: {
    doc: 'https://developers.google.com/search/docs/appearance/structured-data/breadcrumb',
    required: ['itemListElement', 'itemListElement.position', 'itemListElement.name'],
    recommended: [],
    check: (node) => {
      const items = valuesOf(node.itemListElement) as Node[];
      const problems = items.length < 2 ? [`itemListElement: at least two ListItems (${items.length})`] : [];
      items.forEach((item, index) => {
        if (item.position !== index + 1)
          problems.push(`itemListElement[${index}]: position ${String(item.position)}, not ${index + 1}`);
        if (index < items.length - 1 && !present(item.item))
          problems.push(`itemListElement[${index}]: an item (URL) on every ListItem but the last`);
      });
      return problems;
    },
  },
  Organization: {
    doc: 'https://developers.google.com/search/docs/appearance/structured-data/organization',
    required: [],
    recommended: ['name', 'url', 'description'],
    notGiven: {
      logo: 'given when the organisation has one (the academy has no raster logo)',
      address: 'given for the organisations of the Atlas (the academy is a consortium of four offices)',
      sameAs: "an Atlas organisation's website is its url",
      alternateName: 'organisations are known by one name',
      contactPoint: 'not published',
      email: 'not published',
      telephone: 'not published',
      legalName: 'not in the CMS',
      foundingDate: 'given when known',
      numberOfEmployees: 'not in the CMS',
      vatID: 'not in the CMS',
      iso6523Code: 'not in the CMS',
      naics: 'not in the CMS',
      taxID: 'not in the CMS',
    },
  },
  JobPosting: {
    doc: 'https://developers.google.com/search/docs/appearance/structured-data/job-posting',
    required: [
      'title',
      'description',
      'datePosted',
      'hiringOrganization',
      'hiringOrganization.name',
      'jobLocation|applicantLocationRequirements',
    ],
    recommended: ['validThrough', 'employmentType', 'directApply'],
    notGiven: {
      baseSalary: 'given when the offer states a salary',
      identifier: 'the offer has no identifier of the organisation',
      educationRequirements: 'the offer says it in its description',
      experienceRequirements: 'the offer says it in its description',
      experienceInPlaceOfEducation: 'the offer says it in its description',
    },
    check: (node) => {
      const problems: string[] = [];
      const types = ['FULL_TIME', 'PART_TIME', 'CONTRACTOR', 'TEMPORARY', 'INTERN', 'VOLUNTEER', 'PER_DIEM', 'OTHER'];
      for (const type of valuesOf(node.employmentType))
        if (!types.includes(String(type)))
          problems.push(`employmentType: ${String(type)} is not one of Google's values`);
      for (const place of valuesOf(node.jobLocation)) {
        const address = (place as Node).address as Node | undefined;
        if (!address || address['@type'] !== 'PostalAddress' || !present(address.addressCountry))
          problems.push('jobLocation: a Place with a PostalAddress and its addressCountry');
      }
      if (node.jobLocationType !== undefined && node.jobLocationType !== 'TELECOMMUTE')
        problems.push('jobLocationType: TELECOMMUTE is the only value');
      if (node.jobLocationType === 'TELECOMMUTE' && !present(node.applicantLocationRequirements))
        problems.push('jobLocationType TELECOMMUTE: applicantLocationRequirements is required');
      for (const [name, value] of [
        ['datePosted', node.datePosted],
        ['validThrough', node.validThrough],
      ] as const)
        if (value !== undefined && Number.isNaN(Date.parse(String(value)))) problems.push(`${name}: an ISO 8601 date`);
      if (present(node.validThrough) && Date.parse(String(node.validThrough)) <= Date.now())
        problems.push('validThrough: in the past (an expired offer has no JobPosting)');
      const salary = node.baseSalary as Node | undefined;
      if (salary) {
        const value = salary.value as Node | undefined;
        if (!present(salary.currency) || !value || !(present(value.value) || present(value.minValue)))
          problems.push('baseSalary: a MonetaryAmount with its currency and a value or a range');
        if (value && !['HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR'].includes(String(value.unitText)))
          problems.push('baseSalary.value.unitText: HOUR, DAY, WEEK, MONTH or YEAR');
      }
      return problems;
    },
  },
  WebSite: {
    doc: 'https://developers.google.com/search/docs/appearance/site-names',
    required: ['name', 'url'],
    recommended: [],
    notGiven: { alternateName: 'the site has one name' },
  },
  Occupation: {
    doc: 'https://developers.google.com/search/docs/appearance/structured-data/estimated-salary',
    required: ['name', 'occupationLocation', 'estimatedSalary', 'estimatedSalary.currency'],
    recommended: ['description', 'skills', 'responsibilities'],
    notGiven: {
      occupationalCategory: 'given when the job sheet has an ISCO-08 code',
      educationRequirements: 'the access routes are prose, not a list of requirements',
      experienceRequirements: 'the access routes are prose, not a list of requirements',
      qualifications: 'the access routes are prose, not a list of requirements',
      'mainEntityOfPage.lastReviewed': 'the CMS keeps no review date',
      sampleSize: 'the ranges are indicative, not from a survey',
    },
  },
  Article: {
    doc: 'https://developers.google.com/search/docs/appearance/structured-data/article',
    required: [],
    recommended: ['headline', 'author', 'author.name', 'author.url', 'dateModified'],
    notGiven: {
      datePublished:
        "the CMS keeps no date of first publication (publishedAt is the latest): dateCreated gives the interview's date",
      image: 'given when the interview has a portrait',
    },
  },
  // No Google feature: schema.org's own definition, and what a partner needs to use a term.
  DefinedTerm: {
    doc: 'https://schema.org/DefinedTerm',
    required: ['name', 'termCode', 'inDefinedTermSet', 'inDefinedTermSet.name'],
    recommended: ['url'],
  },
  DefinedTermSet: {
    doc: 'https://schema.org/DefinedTermSet',
    required: ['name', 'hasDefinedTerm', 'hasDefinedTerm.termCode'],
    recommended: ['url'],
  },
  // The open-data page: one Dataset per file set (the Atlas, the calendar, the catalogue).
  // A webinar's replay (shared/jsonld.ts webinarReplay): a video file on the site's own origin.
  VideoObject: {
    doc: 'https://developers.google.com/search/docs/appearance/structured-data/video',
    required: ['name', 'thumbnailUrl', 'uploadDate'],
    recommended: ['contentUrl', 'description', 'duration'],
    notGiven: {
      embedUrl: 'no embeddable player: the video plays in the page (contentUrl)',
      expires: 'replays stay',
      hasPart: 'no chapters',
      interactionStatistic: 'views are not counted',
      publication: 'for live streams while they are live; the replay is a recording',
      regionsAllowed: 'everywhere',
    },
    check: (node) => {
      const problems: string[] = [];
      if (typeof node.uploadDate !== 'string' || !/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:\d{2})$/.test(node.uploadDate))
        problems.push('uploadDate: ISO 8601 with a time zone');
      if (node.duration !== undefined && !/^PT(\d+H)?(\d+M)?(\d+S)?$/.test(String(node.duration)))
        problems.push('duration: ISO 8601 (PT#H#M#S)');
      return problems;
    },
  },
  Dataset: {
    doc: 'https://developers.google.com/search/docs/appearance/structured-data/dataset',
    required: ['name', 'description'],
    recommended: [
      'url',
      'license',
      'isAccessibleForFree',
      'creator',
      'creator.name',
      'distribution',
      'distribution.encodingFormat',
      'distribution.contentUrl',
    ],
    notGiven: {
      alternateName: 'the datasets have one name per language',
      citation: 'nothing published cites them yet',
      funder: 'named on the site, not per dataset',
      hasPart: 'each dataset is one set of files, listed in distribution',
      identifier: 'no DOI; the @id is the page address',
      includedInDataCatalog: 'the DCAT-AP catalogue is one of the files, not a schema.org DataCatalog',
      isBasedOn: 'the data is the academy’s own',
      keywords: 'none curated',
      measurementTechnique: 'not measured data',
      sameAs: 'published here only',
      spatialCoverage: 'Europe, said in the description',
      temporalCoverage: 'the current content, no period',
      variableMeasured: 'the columns are in the TableSchema descriptor',
      version: 'always the current published content',
    },
    check: (node) => {
      const length = typeof node.description === 'string' ? node.description.length : 0;
      return length < 50 || length > 5000 ? [`description: 50 to 5000 characters (${length})`] : [];
    },
  },
};

/** Whether every value at `path` has the last segment (or one of its `|` alternatives). */
function missing(node: Node, path: string): boolean {
  const segments = path.split('.');
  const last = segments.pop()!.split('|');
  let values: unknown[] = [node];
  for (const segment of segments) values = values.flatMap((value) => valuesOf((value as Node)[segment]));
  if (segments.length && !values.length) return false; // the parent's own absence is reported on its path
  return values.some((value) => !last.some((name) => present((value as Node)[name])));
}

/** Google's rules of every type of a top-level node (its path for messages), as messages. */
export function checkGoogle(node: Node): string[] {
  const types = typesOf(node);
  const problems: string[] = [];
  for (const type of types) {
    const rules = GOOGLE_RULES[type];
    if (!rules) {
      if (!types.some((t) => GOOGLE_RULES[t]))
        problems.push(`${type}: no Google rules for this type (tests/structured-data/google.ts)`);
      continue;
    }
    for (const path of rules.required)
      if (missing(node, path)) problems.push(`${type}: ${path} is required (${rules.doc})`);
    for (const path of rules.recommended)
      if (missing(node, path)) problems.push(`${type}: ${path} is recommended and given by the site (${rules.doc})`);
    problems.push(...(rules.check?.(node) ?? []).map((problem) => `${type}: ${problem} (${rules.doc})`));
  }
  return problems;
}
