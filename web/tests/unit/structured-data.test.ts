import { describe, expect, it } from 'vitest';
import {
  breadcrumbList,
  course,
  definedTerm,
  definedTermSet,
  interviewArticle,
  occupation,
  jobPosting,
  organization,
  trainingSessionEvent,
  webinarEvent,
  webinarReplay,
  website,
  type JsonLd,
  type TrainingSessionLd,
  type WebinarLd,
} from '#shared/jsonld';
import { checkGoogle } from '../structured-data/google';
import { validateJsonLd, vocabulary } from '../structured-data/schema-org';

// The structured-data validator (tests/structured-data/) the browser suite runs on every page: it
// must catch what the audit found (issue 9, finding 14), and pass what the builders write now.
const problems = (block: JsonLd) => [
  ...validateJsonLd(block).map((i) => `${i.path}: ${i.message}`),
  ...checkGoogle(block),
];
const site = 'https://example.org/';
const session: TrainingSessionLd = {
  title: 'Workshop',
  url: `${site}en/trainings/w`,
  startsAt: '2027-01-05T08:30:00.000Z',
  endsAt: '2027-01-05T15:30:00.000Z',
  format: 'hybrid',
  teachingLanguage: 'fr',
  venue: 'Lille',
  description: '<p>Bring <strong>a laptop</strong>.</p>',
  hours: 6,
  isFree: false,
  price: 40,
  registrationState: 'open',
  registrationOpensAt: '2026-12-01T00:00:00.000Z',
  organiser: { name: 'SOGA', url: `${site}en/atlas/soga` },
};

const webinar: WebinarLd = {
  title: 'UX design for social-economy services',
  url: `${site}en/webinars/ux`,
  summary: 'Design online services with the people who use them.',
  description: '<p>Five interviews are enough.</p>',
  startsAt: '2026-10-05T13:00:00.000Z',
  endsAt: '2026-10-05T14:00:00.000Z',
  language: 'it',
  speakers: [{ name: 'Giulia', organisation: { name: 'EGInA', url: `${site}en/atlas/egina` } }, { name: 'Paolo' }],
  replay: {
    contentUrl: `${site}uploads/replay.webm`,
    thumbnailUrl: `${site}uploads/replay.jpg`,
    uploadDate: '2026-10-06T09:00:00.000Z',
    duration: 65,
  },
};

describe('the schema.org vocabulary', () => {
  it('is the whole vocabulary, pending terms included', () => {
    const v = vocabulary();
    expect(v.classes.size).toBeGreaterThan(800);
    expect(v.properties.get('courseWorkload')?.domains).toEqual(new Set(['CourseInstance']));
    expect(v.members.get('EventScheduled')).toEqual(new Set(['EventStatusType']));
    expect(v.classes.get('CourseInstance')).toEqual(new Set(['Event']));
  });
});

describe('the structured-data validator', () => {
  it('finds what the audit found in the old blocks', () => {
    const oldSession = {
      '@context': 'https://schema.org',
      '@type': ['Event', 'CourseInstance'],
      name: 'Workshop',
      url: session.url,
      startDate: session.startsAt,
      endDate: session.endsAt,
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/MixedEventAttendanceMode',
      courseMode: 'blended',
      location: [
        { '@type': 'Place', name: 'Lille', address: 'Lille' },
        { '@type': 'VirtualLocation', url: session.url },
      ],
      offers: {
        '@type': 'Offer',
        url: session.url,
        price: 40,
        priceCurrency: 'EUR',
        availability: 'https://schema.org/InStock',
      },
      description: '<p>Bring <strong>a laptop</strong>.</p>',
      isPartOf: { '@type': 'Course', name: 'Module', url: `${site}en/modules/m` },
    };
    expect(problems(oldSession)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\.isPartOf: isPartOf is not a property of Event or CourseInstance/),
        expect.stringMatching(/\.description: markup in text/),
        expect.stringMatching(/CourseInstance: courseSchedule\|courseWorkload is required/),
        expect.stringMatching(/Event: organizer is recommended/),
      ]),
    );
    const oldCourse = {
      '@context': 'https://schema.org',
      '@type': 'Course',
      name: 'M',
      url: `${site}en/modules/m`,
      description: 'About M',
      inLanguage: 'en',
      license: 'CC BY-SA 4.0',
      provider: { '@type': 'Organization', name: 'Social Tech Academy' },
      teaches: ['DigComp 1.1 Browsing'],
      hasCourseInstance: [],
    };
    expect(problems(oldCourse)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Course\.license: "CC BY-SA 4\.0" is not in the range of license/),
        expect.stringMatching(/Course\.hasCourseInstance: an empty list/),
        expect.stringMatching(/Course: hasCourseInstance is required/),
        expect.stringMatching(/Course: offers is required/),
      ]),
    );
    const oldJob = {
      '@context': 'https://schema.org',
      '@type': 'Occupation',
      name: 'DPO',
      url: `${site}en/jobs/dpo`,
      description: 'x',
      occupationLocation: { '@type': 'AdministrativeArea', name: 'Europe' },
      skills: 'GDPR',
      occupationalCategory: {
        '@type': 'CategoryCode',
        codeValue: '2619',
        inCodeSet: 'ISCO-08',
        url: 'http://data.europa.eu/esco/occupation/1',
      },
      estimatedSalary: { '@type': 'MonetaryAmountDistribution', name: '€40,000–65,000 gross a year', currency: 'EUR' },
    };
    expect(problems(oldJob)).toEqual(
      expect.arrayContaining([expect.stringMatching(/inCodeSet: "ISCO-08" is not in the range of inCodeSet/)]),
    );
    const homeCrumb = breadcrumbList([{ name: 'Home', url: `${site}en` }]);
    expect(problems(homeCrumb)).toEqual([expect.stringMatching(/at least two ListItems \(1\)/)]);
  });

  it('finds unknown types and properties, values out of range, text where a URL is expected', () => {
    expect(problems({ '@context': 'https://schema.org', '@type': 'Cours', name: 'x' }).join('\n')).toMatch(
      /Cours is not a schema\.org type/,
    );
    const org = {
      '@context': 'https://schema.org',
      '@type': 'Organization',
      name: 'x',
      url: '/en/atlas/x',
      description: 'y',
      colour: 'green',
      foundingDate: 'long ago',
    };
    expect(problems(org)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/url: "\/en\/atlas\/x" is not in the range of url/),
        expect.stringMatching(/colour is not a schema\.org property/),
        expect.stringMatching(/foundingDate: "long ago" is not in the range/),
      ]),
    );
    expect(
      problems({
        '@context': 'https://schema.org',
        '@type': 'WebSite',
        name: 'x',
        url: site,
        publisher: { '@type': 'Place', name: 'p' },
      }).join('\n'),
    ).toMatch(/a Place is not in the range of publisher/);
  });

  it('passes every block the site writes', () => {
    const blocks = [
      breadcrumbList([
        { name: 'Home', url: `${site}en` },
        { name: 'Modules', url: `${site}en/modules` },
      ]),
      ...website({ url: `${site}en`, siteUrl: site, locale: 'en', description: 'Digital skills' }),
      course(
        {
          title: 'M',
          url: `${site}en/modules/m`,
          summary: 'About M',
          locale: 'en',
          licence: 'CC BY-SA 4.0',
          level: 'intermediate',
          durationHours: 6,
          image: `${site}uploads/m.jpg`,
          updatedAt: '2026-11-02T10:00:00.000Z',
          competences: [{ code: '1.1', name: 'Browsing' }],
          authors: [{ name: 'SOGA', url: `${site}en/atlas/soga` }],
          sessions: [session, { ...session, format: 'online', hours: null, organiser: null }],
        },
        site,
      ),
      trainingSessionEvent(session, site, { name: 'M', url: `${site}en/modules/m` }),
      trainingSessionEvent({ ...session, format: 'online', venue: null }, site),
      occupation({
        title: 'DPO',
        url: `${site}en/jobs/dpo`,
        summary: 'Protects data',
        iscoCode: '2619',
        escoUri: 'http://data.europa.eu/esco/occupation/1619d7f3',
        missions: [{ text: 'Keep the register' }],
        skills: [{ name: 'GDPR' }],
        competences: [{ code: '4.2', name: 'Protecting personal data' }],
        salaryRange: '€40,000–65,000 gross a year in Western Europe (indicative)',
      }),
      jobPosting({
        title: 'UX designer — Colectic',
        url: `${site}en/offers/ux`,
        descriptionHtml: '<p>Design <strong>with</strong> people</p>',
        datePosted: '2026-11-02T10:00:00.000Z',
        validThrough: '2099-01-31T22:59:00.000Z',
        contract: 'employment',
        workplace: 'hybrid',
        city: 'Barcelona',
        country: 'ES',
        organisation: { name: 'Colectic', website: 'https://colectic.coop', url: `${site}en/atlas/colectic` },
        salary: { min: 30000, max: 36000, currency: 'EUR', period: 'year' },
      }),
      jobPosting({
        title: 'Volunteering: data steward',
        url: `${site}en/offers/steward`,
        descriptionHtml: '<p>Open data</p>',
        datePosted: '2026-11-02T10:00:00.000Z',
        validThrough: '2099-01-31T22:59:00.000Z',
        contract: 'volunteering',
        workplace: 'remote',
        country: 'NL',
        organisation: { name: 'Open State Foundation' },
      }),
      interviewArticle(
        {
          title: 'A day as a DPO',
          url: `${site}en/interviews/dpo`,
          summary: 'Sample portrait',
          locale: 'en',
          personName: 'Ada',
          personRole: 'DPO',
          organisation: { name: 'SOGA', url: `${site}en/atlas/soga` },
          interviewDate: '2026-03-01',
          updatedAt: '2026-11-02T10:00:00.000Z',
        },
        site,
      ),
      organization({
        name: 'Framasoft',
        url: `${site}en/atlas/framasoft`,
        description: 'Free software',
        website: 'https://framasoft.org',
        country: 'FR',
        city: 'Lyon',
        foundedYear: 2004,
        latitude: 45.7,
        longitude: 4.8,
      }),
      definedTerm({
        code: '1.1',
        name: 'Browsing',
        description: 'To search for data',
        url: `${site}en/competences/1-1`,
      }),
      definedTermSet({
        url: `${site}en/competences`,
        competences: [{ code: '1.1', name: 'Browsing', url: `${site}en/competences/1-1` }],
      }),
      webinarEvent(webinar, site),
      webinarReplay(webinar)!,
      webinarEvent({ ...webinar, replay: null, speakers: [], summary: null }, site),
    ];
    expect(blocks.flatMap(problems)).toEqual([]);
  });

  it('holds a webinar to an online Event and its replay to a complete VideoObject', () => {
    const event = webinarEvent(webinar, site);
    expect(event).toMatchObject({
      '@type': 'Event',
      eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
      location: { '@type': 'VirtualLocation', url: webinar.url },
      recordedIn: { '@id': `${webinar.url}#replay` },
    });
    expect(webinarReplay(webinar)).toMatchObject({ '@type': 'VideoObject', duration: 'PT1M5S' });
    const { thumbnailUrl, ...withoutThumbnail } = webinarReplay(webinar)!;
    expect(thumbnailUrl).toBeTruthy();
    expect(problems(withoutThumbnail)).toEqual([expect.stringMatching(/VideoObject: thumbnailUrl is required/)]);
    expect(problems({ ...withoutThumbnail, thumbnailUrl, uploadDate: '2026' })).toEqual([
      expect.stringMatching(/uploadDate: ISO 8601 with a time zone/),
    ]);
    expect(webinarReplay({ ...webinar, replay: null })).toBeNull();
  });
});

describe('JobPosting', () => {
  const offer = {
    title: 'Internship: community manager',
    url: 'https://academy.example/en/offers/cm',
    descriptionHtml: '<p>Moderate</p>',
    datePosted: '2026-11-02T10:00:00.000Z',
    validThrough: '2099-01-31T22:59:00.000Z',
    contract: 'internship',
    workplace: 'remote',
    city: 'Paris',
    country: 'FR',
    organisation: {
      name: 'makesense',
      website: 'https://makesense.org',
      logo: 'https://academy.example/uploads/m.png',
    },
    salary: { min: 700, max: 700, currency: 'EUR', period: 'month' },
  };

  it("maps contracts to Google's employment types, remote to TELECOMMUTE with the applicants' country", () => {
    const block = jobPosting(offer);
    expect(block).toMatchObject({
      employmentType: 'INTERN',
      jobLocationType: 'TELECOMMUTE',
      applicantLocationRequirements: { '@type': 'Country', name: 'FR' },
      directApply: false,
      hiringOrganization: { name: 'makesense', sameAs: 'https://makesense.org', logo: offer.organisation.logo },
      jobLocation: { address: { '@type': 'PostalAddress', addressLocality: 'Paris', addressCountry: 'FR' } },
      baseSalary: { currency: 'EUR', value: { value: 700, unitText: 'MONTH' } },
    });
    expect(problems(block)).toEqual([]);
    expect(jobPosting({ ...offer, contract: 'freelance' }).employmentType).toBe('CONTRACTOR');
    expect(jobPosting({ ...offer, contract: 'volunteering' }).employmentType).toBe('VOLUNTEER');
    expect(jobPosting({ ...offer, contract: 'employment' }).employmentType).toBe('FULL_TIME');
    expect(jobPosting({ ...offer, workplace: 'on_site' })).not.toHaveProperty('jobLocationType');
    expect(jobPosting({ ...offer, salary: null })).not.toHaveProperty('baseSalary');
  });

  it('the checks refuse what Google refuses: a past validThrough, a remote offer without a country', () => {
    expect(problems(jobPosting({ ...offer, validThrough: '2020-01-01T00:00:00.000Z' })).join()).toMatch(
      /validThrough: in the past/,
    );
    const { applicantLocationRequirements: _dropped, ...noCountry } = jobPosting(offer);
    expect(checkGoogle(noCountry).join()).toMatch(/applicantLocationRequirements is required/);
  });
});
