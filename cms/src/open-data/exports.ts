import type { Core, UID } from '@strapi/strapi';
import ical from 'ical-generator';
import type { LocaleCode } from '../i18n/locales';
import { ATTRIBUTION, DATASETS, LICENCES, PUBLISHER, SITE_PATHS, type Dataset } from './datasets';
import organisationSchema from '../api/organisation/content-types/organisation/schema.json';

/**
 * The open-data files, built from published content only (every read here asks the Document
 * Service for `status: 'published'`), with stable ids (documentId) and no personal data: the
 * organisations' fields are about organisations, the sessions' about sessions; registrations are
 * never read. Each file carries its licence (a header, a property, a calendar description).
 */
export interface ExportFile {
  body: string;
  contentType: string;
}

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const siteBase = (strapi: Core.Strapi) =>
  String(strapi.config.get('publishing.siteUrl', 'http://localhost:3000')).replace(/\/+$/, '');

const dataset = (id: Dataset['id']) => DATASETS.find((d) => d.id === id)!;
const licenceOf = (id: Dataset['id']) => LICENCES[dataset(id).licence];

const ids = (items: unknown): string[] =>
  Array.isArray(items) ? items.map((item: Row) => item?.documentId).filter(Boolean) : [];
const idOf = (item: unknown): string | null => ((item as Row | null)?.documentId as string | undefined) ?? null;

async function published(strapi: Core.Strapi, uid: string, locale: string, populate: Row, sort = 'documentId:asc') {
  return (await strapi.documents(uid as UID.ContentType).findMany({
    locale,
    status: 'published',
    populate,
    sort,
    limit: -1,
  } as never)) as Row[];
}

const relation = { fields: ['documentId'] };

// The Atlas ---------------------------------------------------------------------------------------

export interface AtlasOrganisation {
  id: string;
  name: string;
  slug: string;
  kind: string;
  roles: string[];
  services: string[];
  country: string;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  website: string | null;
  isConsortiumPartner: boolean;
  foundedYear: number | null;
  description: string | null;
  url: string;
}

export async function atlas(strapi: Core.Strapi, locale: LocaleCode): Promise<AtlasOrganisation[]> {
  const rows = await published(strapi, 'api::organisation.organisation', locale, { services: relation });
  const base = siteBase(strapi);
  const number = (value: unknown) => (value == null || value === '' ? null : Number(value));
  return rows.map((o) => ({
    id: o.documentId,
    name: o.name,
    slug: o.slug,
    kind: o.kind,
    roles: Array.isArray(o.roles) ? o.roles.filter((r: unknown) => typeof r === 'string') : [],
    services: ids(o.services),
    country: o.country,
    city: o.city ?? null,
    latitude: number(o.latitude),
    longitude: number(o.longitude),
    website: o.website ?? null,
    isConsortiumPartner: Boolean(o.isConsortiumPartner),
    foundedYear: number(o.foundedYear),
    description: o.description ?? null,
    url: `${base}/${locale}/${SITE_PATHS.organisations[locale]}/${o.slug}`,
  }));
}

/** The TableSchema (Frictionless Data) descriptor of atlas.csv. */
export function atlasTableSchema() {
  const kinds = organisationSchema.attributes.kind.enum;
  return {
    fields: [
      {
        name: 'id',
        type: 'string',
        description: 'Stable identifier (documentId)',
        constraints: { required: true, unique: true },
      },
      { name: 'name', type: 'string', constraints: { required: true, maxLength: 200 } },
      { name: 'slug', type: 'string', constraints: { required: true, pattern: '[a-z0-9-]+' } },
      { name: 'kind', type: 'string', constraints: { required: true, enum: kinds } },
      {
        name: 'roles',
        type: 'string',
        description: 'Roles separated by ";": tools-provider, transition-support, training, network',
      },
      { name: 'services', type: 'string', description: 'documentIds of the themes offered, separated by ";"' },
      {
        name: 'country',
        type: 'string',
        description: 'ISO 3166-1 alpha-2',
        constraints: { required: true, pattern: '[A-Z]{2}' },
      },
      { name: 'city', type: 'string' },
      {
        name: 'latitude',
        type: 'number',
        description: 'WGS 84, city centre',
        constraints: { minimum: -90, maximum: 90 },
      },
      {
        name: 'longitude',
        type: 'number',
        description: 'WGS 84, city centre',
        constraints: { minimum: -180, maximum: 180 },
      },
      { name: 'website', type: 'string', format: 'uri' },
      { name: 'is_consortium_partner', type: 'boolean', constraints: { required: true } },
      { name: 'founded_year', type: 'integer', constraints: { minimum: 1800, maximum: 2100 } },
      { name: 'description', type: 'string' },
      {
        name: 'url',
        type: 'string',
        format: 'uri',
        description: 'The page of the organisation on the Atlas',
        constraints: { required: true },
      },
    ],
    primaryKey: 'id',
    missingValues: [''],
    licenses: [{ name: licenceOf('atlas').id, path: licenceOf('atlas').url, title: licenceOf('atlas').name }],
  };
}

/** A CSV cell (RFC 4180): strings quoted, a formula at the start of a string neutralised for spreadsheets. */
export function csvCell(value: unknown): string {
  if (value == null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function atlasCsv(organisations: AtlasOrganisation[]): string {
  const header = atlasTableSchema().fields.map((f) => f.name);
  const lines = [header.join(',')];
  for (const o of organisations) {
    lines.push(
      [
        o.id,
        o.name,
        o.slug,
        o.kind,
        o.roles.join(';'),
        o.services.join(';'),
        o.country,
        o.city,
        o.latitude,
        o.longitude,
        o.website,
        o.isConsortiumPartner,
        o.foundedYear,
        o.description,
        o.url,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

const licenceBlock = (id: Dataset['id']) => ({
  license: licenceOf(id).url,
  licenseName: licenceOf(id).name,
  attribution: ATTRIBUTION,
});

export function atlasJson(organisations: AtlasOrganisation[], locale: LocaleCode) {
  return { ...licenceBlock('atlas'), locale, count: organisations.length, organisations };
}

/**
 * RFC 7946: a FeatureCollection of Points in WGS 84 [longitude, latitude]. An organisation
 * without coordinates is a Feature with a null geometry (allowed by §3.2): still in the data set.
 */
export function atlasGeoJson(organisations: AtlasOrganisation[]) {
  return {
    type: 'FeatureCollection',
    ...licenceBlock('atlas'),
    features: organisations.map(({ latitude, longitude, ...properties }) => ({
      type: 'Feature',
      id: properties.id,
      geometry:
        latitude != null && longitude != null
          ? { type: 'Point', coordinates: [Number(longitude.toFixed(6)), Number(latitude.toFixed(6))] }
          : null,
      properties,
    })),
  };
}

// Training sessions -------------------------------------------------------------------------------

export async function trainingsIcs(strapi: Core.Strapi, locale: LocaleCode): Promise<string> {
  const sessions = await published(
    strapi,
    'api::training-session.training-session',
    locale,
    { module: relation, organiser: { fields: ['documentId', 'name'] } },
    'startsAt:asc',
  );
  const base = siteBase(strapi);
  const set = dataset('trainings');
  const calendar = ical({
    name: `${PUBLISHER} – ${set.title[locale]}`,
    description: `${set.description[locale]} ${LICENCES[set.licence].name} (${LICENCES[set.licence].url}).`,
    prodId: { company: 'Social Tech Academy', product: 'trainings', language: locale.toUpperCase() },
    url: `${base}/${locale}/${SITE_PATHS.trainings[locale]}`,
    ttl: 60 * 60,
  });
  for (const s of sessions) {
    if (!s.startsAt) continue;
    const url = `${base}/${locale}/${SITE_PATHS.trainings[locale]}/${s.slug}`;
    calendar.createEvent({
      id: `${s.documentId}-${locale}@social-tech-academy`,
      start: new Date(s.startsAt),
      end: s.endsAt ? new Date(s.endsAt) : new Date(s.startsAt),
      summary: s.title,
      description: [s.organiser?.name, url].filter(Boolean).join('\n'),
      location: s.format === 'online' ? 'Online' : (s.venue ?? null),
      url,
      lastModified: s.updatedAt ? new Date(s.updatedAt) : null,
      stamp: s.updatedAt ? new Date(s.updatedAt) : new Date(s.publishedAt ?? s.startsAt),
    });
  }
  return calendar.toString();
}

// Modules, job sheets, competences ----------------------------------------------------------------

export async function modulesJson(strapi: Core.Strapi, locale: LocaleCode) {
  const rows = await published(strapi, 'api::module.module', locale, {
    theme: relation,
    audiences: relation,
    competences: relation,
    authors: relation,
    jobSheets: relation,
    toolbox: true,
  });
  const base = siteBase(strapi);
  return {
    ...licenceBlock('modules'),
    locale,
    modules: rows.map((m) => ({
      id: m.documentId,
      title: m.title,
      slug: m.slug,
      summary: m.summary ?? null,
      level: m.level ?? null,
      durationHours: m.durationHours == null ? null : Number(m.durationHours),
      licence: m.licence ?? null,
      theory: m.theory ?? null,
      practicalCase: m.practicalCase ?? null,
      referenceModel: m.referenceModel ?? null,
      toolbox: ((m.toolbox ?? []) as Row[]).map((t) => ({
        name: t.name,
        url: t.url ?? null,
        isOpenSource: t.isOpenSource ?? null,
        licence: t.licence ?? null,
        description: t.description ?? null,
      })),
      theme: idOf(m.theme),
      audiences: ids(m.audiences),
      competences: ids(m.competences),
      authors: ids(m.authors),
      jobSheets: ids(m.jobSheets),
      url: `${base}/${locale}/${SITE_PATHS.modules[locale]}/${m.slug}`,
    })),
  };
}

export async function jobSheetsJson(strapi: Core.Strapi, locale: LocaleCode) {
  const rows = await published(strapi, 'api::job-sheet.job-sheet', locale, {
    missions: true,
    skills: true,
    competences: relation,
    relatedJobs: relation,
    modules: relation,
    interviews: relation,
  });
  const base = siteBase(strapi);
  const strip = (items: unknown) => ((items ?? []) as Row[]).map(({ id: _id, __component: _c, ...rest }) => rest);
  return {
    ...licenceBlock('job-sheets'),
    locale,
    jobSheets: rows.map((j) => ({
      id: j.documentId,
      title: j.title,
      slug: j.slug,
      summary: j.summary ?? null,
      missions: strip(j.missions),
      skills: strip(j.skills),
      accessRoutes: j.accessRoutes ?? null,
      workContexts: j.workContexts ?? null,
      salaryRange: j.salaryRange ?? null,
      escoUri: j.escoUri ?? null,
      iscoCode: j.iscoCode ?? null,
      competences: ids(j.competences),
      relatedJobs: ids(j.relatedJobs),
      modules: ids(j.modules),
      interviews: ids(j.interviews),
      url: `${base}/${locale}/${SITE_PATHS.jobs[locale]}/${j.slug}`,
    })),
  };
}

export async function competencesJson(strapi: Core.Strapi, locale: LocaleCode) {
  const rows = await published(
    strapi,
    'api::competence.competence',
    locale,
    { modules: relation, jobSheets: relation },
    'code:asc',
  );
  return {
    ...licenceBlock('competences'),
    locale,
    competences: rows.map((c) => ({
      id: c.documentId,
      code: c.code,
      areaCode: c.areaCode ?? null,
      areaName: c.areaName ?? null,
      name: c.name,
      slug: c.slug,
      description: c.description ?? null,
      modules: ids(c.modules),
      jobSheets: ids(c.jobSheets),
    })),
  };
}

// The catalogue -----------------------------------------------------------------------------------

/**
 * The DCAT-AP 3.0 catalogue (JSON-LD): one dcat:Dataset per data set and locale, each
 * distribution with its access URL on the site, media type, format and licence.
 */
export function catalogue(strapi: Core.Strapi, locales: readonly LocaleCode[]) {
  const base = siteBase(strapi);
  const publisher = { '@id': `${base}/#publisher`, '@type': 'foaf:Agent', 'foaf:name': PUBLISHER };
  const datasets = DATASETS.flatMap((set) =>
    locales.map((locale) => {
      const licence = { '@id': LICENCES[set.licence].url, '@type': 'dct:LicenseDocument' };
      return {
        '@id': `${base}/open-data/${locale}/#${set.id}`,
        '@type': 'dcat:Dataset',
        'dct:identifier': `${set.id}-${locale}`,
        'dct:title': { '@language': locale, '@value': set.title[locale] },
        'dct:description': { '@language': locale, '@value': set.description[locale] },
        'dct:language': { '@id': `http://publications.europa.eu/resource/authority/language/${LANGUAGE[locale]}` },
        'dct:publisher': publisher,
        'dct:license': licence,
        'dcat:landingPage': { '@id': `${base}/${locale}/${SITE_PATHS.openData[locale]}` },
        'dcat:distribution': [
          ...set.distributions.map((d) => ({
            '@id': `${base}/open-data/${locale}/${d.file}`,
            '@type': 'dcat:Distribution',
            'dcat:accessURL': { '@id': `${base}/open-data/${locale}/${d.file}` },
            'dcat:downloadURL': { '@id': `${base}/open-data/${locale}/${d.file}` },
            'dcat:mediaType': { '@id': `http://www.iana.org/assignments/media-types/${d.mediaType}` },
            'dct:format': { '@id': `http://publications.europa.eu/resource/authority/file-type/${d.format}` },
            'dct:license': licence,
            ...(set.schema && d.format === 'CSV'
              ? { 'dct:conformsTo': { '@id': `${base}/open-data/${locale}/${set.schema}` } }
              : {}),
          })),
        ],
      };
    }),
  );
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
    },
    '@id': `${base}/open-data/catalog.jsonld`,
    '@type': 'dcat:Catalog',
    'dct:title': { '@language': 'en', '@value': `${PUBLISHER} open data` },
    'dct:description': {
      '@language': 'en',
      '@value':
        'The Social Tech Atlas, the training calendar, the modules, job sheets and competences of the Social Tech Academy.',
    },
    'dct:publisher': publisher,
    'foaf:homepage': { '@id': `${base}/en/${SITE_PATHS.openData.en}` },
    'dcat:dataset': datasets,
  };
}

/** EU Publications Office language authority codes. */
const LANGUAGE: Record<LocaleCode, string> = { en: 'ENG', fr: 'FRA', it: 'ITA', es: 'SPA' };
