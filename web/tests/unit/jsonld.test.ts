import { describe, expect, it } from 'vitest';
import { breadcrumbList, course, occupation, organization, serializeJsonLd, trainingSessionEvent, type TrainingSessionLd } from '#shared/jsonld';
import { entryEntries, staticEntries } from '#shared/sitemap';
import { renderMarkdownFields } from '#shared/markdown';

const session: TrainingSessionLd = {
  title: 'Workshop', url: 'https://example.org/en/trainings/w', startsAt: '2027-01-05T08:30:00Z', endsAt: '2027-01-05T15:30:00Z',
  format: 'in_person', teachingLanguage: 'fr', venue: 'Lille', isFree: false, price: 40, registrationState: 'waitlist',
};

describe('JSON-LD builders', () => {
  it('numbers the breadcrumb from 1', () => {
    expect(breadcrumbList([{ name: 'Home', url: 'u1' }, { name: 'Modules', url: 'u2' }]).itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: 'u1' },
      { '@type': 'ListItem', position: 2, name: 'Modules', item: 'u2' },
    ]);
  });

  it('describes a session as an Event and CourseInstance with its place and offer', () => {
    const ld = trainingSessionEvent(session, { name: 'Module', url: 'https://example.org/en/modules/m' });
    expect(ld['@type']).toEqual(['Event', 'CourseInstance']);
    expect(ld.eventAttendanceMode).toBe('https://schema.org/OfflineEventAttendanceMode');
    expect(ld.location).toEqual({ '@type': 'Place', name: 'Lille', address: 'Lille' });
    expect(ld.offers).toMatchObject({ price: 40, availability: 'https://schema.org/SoldOut' });
    expect(ld.isPartOf).toEqual({ '@type': 'Course', name: 'Module', url: 'https://example.org/en/modules/m' });
  });

  it('describes a module as a Course with its sessions as CourseInstances', () => {
    const ld = course({ title: 'M', url: 'u', locale: 'it', level: 'discovery', durationHours: 6, competences: [{ code: '1.1', name: 'Browsing' }], authors: [], sessions: [session] });
    expect(ld['@type']).toBe('Course');
    expect(ld.timeRequired).toBe('PT6H');
    expect((ld.hasCourseInstance as object[])[0]).toMatchObject({ '@type': 'CourseInstance', startDate: session.startsAt });
    expect((ld.hasCourseInstance as object[])[0]).not.toHaveProperty('@context');
  });

  it('describes job sheets and organisations', () => {
    expect(occupation({ title: 'DPO', url: 'u', skills: [{ name: 'GDPR' }], iscoCode: '2619' })).toMatchObject({
      '@type': 'Occupation', skills: 'GDPR', occupationalCategory: { codeValue: '2619', inCodeSet: 'ISCO-08' },
    });
    expect(organization({ name: 'Framasoft', url: 'u', country: 'FR', city: 'Lyon', latitude: 45.7, longitude: 4.8 })).toMatchObject({
      '@type': 'Organization', address: { addressCountry: 'FR', addressLocality: 'Lyon' },
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
    expect(entries[2]!.alternatives).toEqual([{ hreflang: 'en', href: '/en/jobs/only-en' }, { hreflang: 'x-default', href: '/en/jobs/only-en' }]);
  });

  it('list the pages that exist in every language', () => {
    const locs = staticEntries().map((e) => e.loc);
    expect(locs).toContain('/it/atlante');
    expect(locs).toContain('/es/aviso-legal');
    expect(locs.length).toBe(11 * 4);
  });
});

describe('Markdown fields', () => {
  it('renders only the rich-text fields of the types that have them', () => {
    const data = { modules: [{ __typename: 'Module', theory: '**a**', summary: '**b**', theme: { __typename: 'Theme', description: '**c**' } }] };
    expect(renderMarkdownFields(data, (md) => `<${md}>`)).toEqual({
      modules: [{ __typename: 'Module', theory: '<**a**>', summary: '**b**', theme: { __typename: 'Theme', description: '**c**' } }],
    });
  });
});
