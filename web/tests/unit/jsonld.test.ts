import { describe, expect, it } from 'vitest';
import {
  breadcrumbList,
  course,
  isoHours,
  licence,
  occupation,
  organization,
  plainText,
  salaryRange,
  serializeJsonLd,
  trainingSessionEvent,
  type TrainingSessionLd,
} from '#shared/jsonld';
import { entryEntries, staticEntries } from '#shared/sitemap';
import { renderMarkdownFields } from '#shared/markdown';

const session: TrainingSessionLd = {
  title: 'Workshop',
  url: 'https://example.org/en/trainings/w',
  startsAt: '2027-01-05T08:30:00Z',
  endsAt: '2027-01-05T15:30:00Z',
  format: 'in_person',
  teachingLanguage: 'fr',
  venue: 'Lille',
  isFree: false,
  price: 40,
  registrationState: 'waitlist',
  hours: 7,
};

describe('JSON-LD builders', () => {
  it('numbers the breadcrumb from 1', () => {
    expect(
      breadcrumbList([
        { name: 'Home', url: 'u1' },
        { name: 'Modules', url: 'u2' },
      ]).itemListElement,
    ).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: 'u1' },
      { '@type': 'ListItem', position: 2, name: 'Modules', item: 'u2' },
    ]);
  });

  it('describes a session as an Event and CourseInstance with its place, offer, organiser and module', () => {
    const ld = trainingSessionEvent(session, 'https://example.org/', {
      name: 'Module',
      url: 'https://example.org/en/modules/m',
    });
    expect(ld['@type']).toEqual(['Event', 'CourseInstance']);
    expect(ld.eventAttendanceMode).toBe('https://schema.org/OfflineEventAttendanceMode');
    expect(ld.location).toEqual({ '@type': 'Place', name: 'Lille', address: 'Lille' });
    expect(ld.offers).toMatchObject({ price: 40, availability: 'https://schema.org/SoldOut' });
    expect(ld.courseWorkload).toBe('PT7H');
    // No organiser named: the academy organises it.
    expect(ld.organizer).toEqual({ '@type': 'Organization', name: 'Social Tech Academy', url: 'https://example.org/' });
    expect(ld.about).toEqual({ '@type': 'Course', name: 'Module', url: 'https://example.org/en/modules/m' });
    expect(ld).not.toHaveProperty('isPartOf');
  });

  it('describes a module as a free Course, online and self-paced, and its sessions as CourseInstances', () => {
    const ld = course(
      {
        title: 'M',
        url: 'u',
        locale: 'it',
        level: 'discovery',
        licence: 'CC BY-SA 4.0',
        durationHours: 6,
        competences: [{ code: '1.1', name: 'Browsing' }],
        authors: [],
        sessions: [session],
      },
      'https://example.org/',
    );
    expect(ld['@type']).toBe('Course');
    expect(ld.timeRequired).toBe('PT6H');
    expect(ld.license).toBe('https://creativecommons.org/licenses/by-sa/4.0/');
    expect(ld.teaches).toEqual([
      expect.objectContaining({ '@type': 'DefinedTerm', termCode: '1.1', name: 'Browsing' }),
    ]);
    const instances = ld.hasCourseInstance as object[];
    expect(instances[0]).toMatchObject({ '@type': 'CourseInstance', courseMode: 'Online', courseWorkload: 'PT6H' });
    expect(instances[1]).toMatchObject({
      '@type': 'CourseInstance',
      courseMode: 'Onsite',
      startDate: session.startsAt,
    });
    expect(instances[1]).not.toHaveProperty('@context');
  });

  it('gives the text of rendered Markdown, hours as durations and salary ranges as amounts', () => {
    expect(plainText('<h3>Who</h3>\n<p>Bring <strong>a laptop</strong> &amp; a charger&#39;s cable.</p>')).toBe(
      "Who Bring a laptop & a charger's cable.",
    );
    expect(isoHours(3.5)).toBe('PT3H30M');
    expect(isoHours(0)).toBe('PT0H');
    expect(salaryRange('€32,000–48,000 gross a year in Western Europe (indicative)')).toMatchObject({
      currency: 'EUR',
      value: { minValue: 32000, maxValue: 48000, unitText: 'YEAR' },
    });
    expect(salaryRange('32 000 à 45 000 € brut par an en France (indicatif)')).toMatchObject({
      value: { minValue: 32000, maxValue: 45000, unitText: 'YEAR' },
    });
    expect(salaryRange('28.000–40.000 € lordi annui in Italia (indicativo)')).toMatchObject({
      value: { minValue: 28000, maxValue: 40000 },
    });
    expect(salaryRange('depends on the organisation')).toBeUndefined();
    expect(licence('CC-BY-4.0')).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(licence('Proprietary')).toEqual({ '@type': 'CreativeWork', name: 'Proprietary' });
  });

  it('describes job sheets and organisations', () => {
    expect(
      occupation({
        title: 'DPO',
        url: 'u',
        missions: [],
        skills: [{ name: 'GDPR' }],
        competences: [],
        iscoCode: '2619',
      }),
    ).toMatchObject({
      '@type': 'Occupation',
      skills: ['GDPR'],
      occupationalCategory: { codeValue: '2619', inCodeSet: { '@type': 'CategoryCodeSet', name: 'ISCO-08' } },
    });
    expect(
      organization({ name: 'Framasoft', url: 'u', country: 'FR', city: 'Lyon', latitude: 45.7, longitude: 4.8 }),
    ).toMatchObject({
      '@type': 'Organization',
      address: { addressCountry: 'FR', addressLocality: 'Lyon' },
    });
  });

  it('cannot break out of its script tag', () => {
    expect(serializeJsonLd({ name: '</script><script>alert(1)</script>' })).not.toContain('</script>');
  });
});

describe('sitemap entries', () => {
  it('give every locale version of a document the others as alternates', () => {
    const entries = entryEntries('job-sheets', [
      { documentId: 'd1', slug: 'ux-designer', locale: 'en' },
      { documentId: 'd1', slug: 'designer-ux', locale: 'fr' },
      { documentId: 'd2', slug: 'only-en', locale: 'en' },
    ]);
    expect(entries.map((e) => e.loc)).toEqual(['/fr/metiers/designer-ux', '/en/jobs/ux-designer', '/en/jobs/only-en']);
    expect(entries[0]!.alternatives.map((a) => a.hreflang)).toEqual(['fr', 'en', 'x-default']);
    expect(entries[2]!.alternatives).toEqual([
      { hreflang: 'en', href: '/en/jobs/only-en' },
      { hreflang: 'x-default', href: '/en/jobs/only-en' },
    ]);
  });

  it('list the pages that exist in every language', () => {
    const locs = staticEntries().map((e) => e.loc);
    expect(locs).toContain('/it/atlante');
    expect(locs).toContain('/es/aviso-legal');
    expect(locs).toContain('/fr/donnees-ouvertes');
    expect(locs).toContain('/it/atlante/aggiungi');
    expect(locs).toContain('/it/offerte');
    expect(locs).toContain('/es/webinarios');
    expect(locs).toContain('/fr/formateurs');
    expect(locs.length).toBe(16 * 4);
  });
});

describe('Markdown fields', () => {
  it('renders only the rich-text fields of the types that have them', () => {
    const data = {
      modules: [
        {
          __typename: 'Module',
          theory: '**a**',
          summary: '**b**',
          theme: { __typename: 'Theme', description: '**c**' },
        },
      ],
    };
    expect(renderMarkdownFields(data, (md) => `<${md}>`)).toEqual({
      modules: [
        {
          __typename: 'Module',
          theory: '<**a**>',
          summary: '**b**',
          theme: { __typename: 'Theme', description: '**c**' },
        },
      ],
    });
  });
});
