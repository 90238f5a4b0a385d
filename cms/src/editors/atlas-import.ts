import type { Core, UID } from '@strapi/strapi';
import { parse as parseCsv } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { ORGANISATION_ROLES, isCountryCode, isOrganisationRole } from './choices';
import organisationSchema from '../api/organisation/content-types/organisation/schema.json';
import { atlasTableSchema, csvCell } from '../open-data/exports';
import type { LocaleCode } from '../i18n/locales';
import { importMessage, type ImportMessageCode } from './atlas-import-messages';

/**
 * The Atlas import: a CSV or XLSX of organisations with the columns of the Atlas export
 * (src/open-data/exports.ts, atlas.csv and its TableSchema), planned row by row (create / update /
 * unchanged / error, with the reason in the admin's language), then written.
 *
 * - A row is keyed on its slug, else on its website (else, with neither, on its name when one
 *   organisation has it): the same organisation is updated, whichever languages it has. `id` and `url` are the export's read-only columns: read, never written.
 * - Shared fields (name, slug, kind, roles, country, city, coordinates, website, partner, year)
 *   are the organisation's in every language; `description` and `services` (a relation, stored
 *   per language) go into the language chosen for the import.
 * - A column left out of the file leaves that field as it is; an empty cell empties it.
 * - Writes go through the Document Service (drafts unless asked to publish): the slug, translation
 *   source, shared-field and change-log middlewares all apply, as for a save in the content manager.
 * - Every row is checked before anything is written; a row with an error is never written. The
 *   rows to write go in batches of BATCH_SIZE, one transaction each: if a write fails anyway (a
 *   database constraint, a concurrent edit), that batch is rolled back whole and reported, the
 *   other batches stay.
 * - Idempotent: an unchanged row is not written, so importing the same file twice (or the export
 *   of the Atlas) reports every row unchanged the second time.
 */
export const ORGANISATION = 'api::organisation.organisation' as UID.ContentType;
const THEME = 'api::theme.theme' as UID.ContentType;
export const BATCH_SIZE = 100;
export const MAX_ROWS = 5000;

type Attributes = typeof organisationSchema.attributes;
const attributes: Attributes = organisationSchema.attributes;

/** The export's columns (its TableSchema) and the organisation's field each one fills. */
const FIELD_OF: Record<string, string | null> = {
  id: null,
  name: 'name',
  slug: 'slug',
  kind: 'kind',
  roles: 'roles',
  services: 'services',
  country: 'country',
  city: 'city',
  latitude: 'latitude',
  longitude: 'longitude',
  website: 'website',
  is_consortium_partner: 'isConsortiumPartner',
  founded_year: 'foundedYear',
  description: 'description',
  url: null,
};
const COLUMNS = atlasTableSchema().fields.map((f) => f.name);
const REQUIRED_COLUMNS = ['name', 'kind', 'country'];

export type RowState = 'create' | 'update' | 'unchanged' | 'error';

export interface RowReport {
  /** The spreadsheet's row number (the header is row 1). */
  row: number;
  state: RowState;
  name: string;
  slug: string;
  documentId: string | null;
  /** The columns that change (update). */
  changes: string[];
  /** Why the row is in error, or a note (a new language version), in the admin's language. */
  messages: string[];
}

export interface ImportReport {
  locale: string;
  applied: boolean;
  published: boolean;
  counts: Record<RowState, number>;
  rows: RowReport[];
  /** The report as CSV, for download. */
  csv: string;
}

export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
  }
}

type Values = Record<string, unknown>;
interface Existing {
  documentId: string;
  slug: string;
  website: string | null;
  /** The draft of the import's language, when the organisation has one. */
  draft: Values | null;
}

interface Planned {
  report: RowReport;
  data: Values;
  existing: Existing | null;
}

// Reading ----------------------------------------------------------------------------------------

const isXlsx = (buffer: Buffer) => buffer.length > 4 && buffer.readUInt32LE(0) === 0x04034b50; // "PK\3\4"

/** The cells of the file as text, the header first. */
export async function readTable(buffer: Buffer, language: LocaleCode): Promise<string[][]> {
  let rows: unknown[][];
  try {
    if (isXlsx(buffer)) {
      rows = (await readSheet(buffer)) as unknown[][];
    } else {
      const text = buffer.toString('utf8').replace(/^\uFEFF/, '');
      if (text.includes('\u0000')) throw new Error('binary');
      const header = text.slice(0, text.search(/\r?\n|$/));
      const delimiter = header.includes(';') && !header.includes(',') ? ';' : ',';
      rows = parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
    }
  } catch {
    throw new ImportFileError(importMessage('unreadable', language));
  }
  return rows.map((cells) =>
    cells.map((value) => {
      if (value == null) return '';
      if (value instanceof Date) return value.toISOString();
      return String(value);
    }),
  );
}

/** Undoes the export's protection of a cell that a spreadsheet would read as a formula. */
const unprotect = (text: string) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

// Checking ---------------------------------------------------------------------------------------

type Problem = { code: ImportMessageCode; values: Record<string, string | number> };

const nameKey = (name: unknown) =>
  String(name ?? '')
    .trim()
    .toLowerCase();

const normaliseWebsite = (url: string) => {
  try {
    const parsed = new URL(url);
    return `${parsed.host.toLowerCase()}${parsed.pathname.replace(/\/+$/, '')}${parsed.search}`;
  } catch {
    return url.toLowerCase();
  }
};

const TRUE = new Set(['true', '1', 'yes', 'oui', 'sì', 'si', 'sí', 'vrai', 'vero', 'verdadero']);
const FALSE = new Set(['false', '0', 'no', 'non', 'faux', 'falso', '']);

/** One row's values, checked against the content type's constraints (schema.json) and the export's. */
function rowValues(cells: Record<string, string>, themes: Set<string>): { data: Values; problems: Problem[] } {
  const data: Values = {};
  const problems: Problem[] = [];
  const problem = (code: ImportMessageCode, values: Record<string, string | number>) => problems.push({ code, values });
  const text = (column: string) => unprotect((cells[column] ?? '').trim());
  const has = (column: string) => column in cells;
  const maxLength = (column: string, value: string, max: number | undefined) => {
    if (max !== undefined && value.length > max) problem('tooLong', { column, max, length: value.length });
  };
  const number = (column: string, field: 'latitude' | 'longitude' | 'foundedYear', integer: boolean) => {
    const raw = text(column).replace(/^(-?\d+),(\d+)$/, '$1.$2');
    const { min, max } = attributes[field];
    if (!raw) return (data[field] = null);
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value)))
      problem(integer ? 'integer' : 'number', { column, value: raw, min, max });
    else data[field] = value;
  };

  const name = text('name');
  if (!name) problem('required', { column: 'name' });
  maxLength('name', name, attributes.name.maxLength);
  data.name = name;

  if (has('slug')) {
    const slug = text('slug');
    if (slug && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) problem('slug', { value: slug });
    data.slug = slug;
  }

  const kind = text('kind');
  if (!kind) problem('required', { column: 'kind' });
  else if (!attributes.kind.enum.includes(kind))
    problem('notInList', { column: 'kind', value: kind, allowed: attributes.kind.enum.join(', ') });
  data.kind = kind;

  if (has('roles')) {
    const roles = text('roles')
      .split(/[;,]/)
      .map((r) => r.trim())
      .filter(Boolean);
    for (const role of roles)
      if (!isOrganisationRole(role))
        problem('notInList', { column: 'roles', value: role, allowed: ORGANISATION_ROLES.join(', ') });
    data.roles = [...new Set(roles)];
  }

  if (has('services')) {
    const services = [
      ...new Set(
        text('services')
          .split(';')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ];
    for (const id of services) if (!themes.has(id)) problem('theme', { value: id });
    data.services = services;
  }

  const country = text('country').toUpperCase();
  if (!country) problem('required', { column: 'country' });
  else if (!new RegExp(attributes.country.regex).test(country) || !isCountryCode(country))
    problem('country', { value: text('country') });
  data.country = country;

  if (has('city')) {
    const city = text('city');
    maxLength('city', city, attributes.city.maxLength);
    data.city = city || null;
  }
  if (has('latitude')) number('latitude', 'latitude', false);
  if (has('longitude')) number('longitude', 'longitude', false);

  if (has('website')) {
    const website = text('website');
    if (website) {
      let valid = new RegExp(attributes.website.regex).test(website);
      try {
        const url = new URL(website);
        valid &&= (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
      } catch {
        valid = false;
      }
      if (!valid) problem('url', { column: 'website', value: website });
      maxLength('website', website, attributes.website.maxLength);
    }
    data.website = website || null;
  }

  if (has('is_consortium_partner')) {
    const raw = text('is_consortium_partner').toLowerCase();
    if (TRUE.has(raw)) data.isConsortiumPartner = true;
    else if (FALSE.has(raw)) data.isConsortiumPartner = false;
    else problem('boolean', { column: 'is_consortium_partner', value: text('is_consortium_partner') });
  }
  if (has('founded_year')) number('founded_year', 'foundedYear', true);

  if (has('description')) {
    const description = text('description');
    maxLength('description', description, attributes.description.maxLength);
    data.description = description || null;
  }
  return { data, problems };
}

// Comparing --------------------------------------------------------------------------------------

const COLUMN_OF = Object.fromEntries(Object.entries(FIELD_OF).flatMap(([c, f]) => (f ? [[f, c]] : [])));

function same(field: string, wanted: unknown, stored: unknown): boolean {
  if (field === 'roles' || field === 'services') {
    const a = [...((wanted as string[]) ?? [])].sort();
    const b = [...((Array.isArray(stored) ? stored : []) as string[])].sort();
    return a.length === b.length && a.every((x, i) => x === b[i]);
  }
  if (field === 'latitude' || field === 'longitude' || field === 'foundedYear')
    return (wanted == null ? null : Number(wanted)) === (stored == null || stored === '' ? null : Number(stored));
  if (field === 'isConsortiumPartner') return Boolean(wanted) === Boolean(stored);
  return (wanted ?? null) === (stored ?? null) || ((wanted ?? '') === '' && (stored ?? '') === '');
}

// Planning ---------------------------------------------------------------------------------------

interface Context {
  strapi: Core.Strapi;
  locale: string;
  language: LocaleCode;
}

async function loadExisting({ strapi, locale }: Context) {
  const rows = (await strapi.db.query(ORGANISATION).findMany({
    where: { publishedAt: null },
    select: [
      'documentId',
      'locale',
      'name',
      'slug',
      'kind',
      'roles',
      'country',
      'city',
      'latitude',
      'longitude',
      'website',
      'isConsortiumPartner',
      'foundedYear',
      'description',
    ],
    populate: { services: { select: ['documentId'] } },
  })) as Array<Values & { documentId: string; locale: string; slug: string; website: string | null }>;
  const byDocument = new Map<string, Existing>();
  for (const row of rows) {
    const entry = byDocument.get(row.documentId) ?? {
      documentId: row.documentId,
      slug: row.slug,
      website: row.website,
      draft: null,
    };
    if (row.locale === locale) {
      entry.draft = { ...row, services: ((row.services as Values[]) ?? []).map((s) => s.documentId) };
      entry.slug = row.slug;
      entry.website = row.website;
    }
    byDocument.set(row.documentId, entry);
  }
  const bySlug = new Map<string, Existing>();
  const byWebsite = new Map<string, Existing>();
  const byName = new Map<string, Existing[]>();
  for (const entry of byDocument.values()) {
    if (entry.slug) bySlug.set(entry.slug, entry);
    if (entry.website) byWebsite.set(normaliseWebsite(entry.website), entry);
  }
  for (const row of rows) {
    const key = nameKey(row.name);
    const entry = byDocument.get(row.documentId)!;
    const list = byName.get(key) ?? [];
    if (!list.includes(entry)) byName.set(key, [...list, entry]);
  }
  const themes = (await strapi.db.query(THEME).findMany({
    where: { locale, publishedAt: null },
    select: ['documentId'],
  })) as Array<{ documentId: string }>;
  return { bySlug, byWebsite, byName, themes: new Set(themes.map((t) => t.documentId)), scales: await scales(strapi) };
}

/**
 * The decimals the database keeps of the coordinates: PostgreSQL stores Strapi's `decimal` as
 * numeric(10,2), SQLite as a float. A value is compared (and written) at that precision, else a
 * file with more decimals would read "update" at every import.
 */
async function scales(strapi: Core.Strapi): Promise<Record<string, number>> {
  if (strapi.db.dialect.client !== 'postgres') return {};
  const { tableName } = strapi.db.metadata.get(ORGANISATION);
  const columns = (await strapi.db
    .connection('information_schema.columns')
    .where({ table_name: tableName })
    .whereIn('column_name', ['latitude', 'longitude'])
    .select('column_name', 'numeric_scale')) as Array<{ column_name: string; numeric_scale: number | null }>;
  return Object.fromEntries(
    columns.filter((c) => c.numeric_scale != null).map((c) => [c.column_name, Number(c.numeric_scale)]),
  );
}

async function plan(context: Context, table: string[][]): Promise<Planned[]> {
  const { strapi, locale, language } = context;
  const [header = [], ...body] = table;
  const columns = header.map((h) => h.trim().replace(/^\uFEFF/, ''));
  for (const column of columns) {
    if (!COLUMNS.includes(column))
      throw new ImportFileError(importMessage('unknownColumn', language, { column, columns: COLUMNS.join(', ') }));
    if (columns.indexOf(column) !== columns.lastIndexOf(column))
      throw new ImportFileError(importMessage('duplicateColumn', language, { column }));
  }
  for (const column of REQUIRED_COLUMNS)
    if (!columns.includes(column)) throw new ImportFileError(importMessage('missingColumn', language, { column }));
  const lines = body
    .map((cells, index) => ({ cells, row: index + 2 }))
    .filter(({ cells }) => cells.some((c) => c.trim() !== ''));
  if (lines.length === 0) throw new ImportFileError(importMessage('empty', language));
  if (lines.length > MAX_ROWS) throw new ImportFileError(importMessage('tooMany', language, { max: MAX_ROWS }));

  const { bySlug, byWebsite, byName, themes, scales } = await loadExisting(context);
  const uid = strapi.plugin('content-manager').service('uid') as unknown as {
    generateUIDField(args: { contentTypeUID: string; field: string; data: object; locale?: string }): Promise<string>;
  };
  const claimed = new Map<string, number>(); // documentId or new slug → the row that took it
  const planned: Planned[] = [];
  for (const { cells, row } of lines) {
    const values = Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
    const { data, problems } = rowValues(values, themes);
    for (const [field, scale] of Object.entries(scales))
      if (typeof data[field] === 'number') data[field] = Number((data[field] as number).toFixed(scale));
    const messages = problems.map((p) => importMessage(p.code, language, p.values));
    const report: RowReport = {
      row,
      state: 'error',
      name: String(data.name ?? ''),
      slug: String(data.slug ?? ''),
      documentId: null,
      changes: [],
      messages,
    };
    let existing: Existing | null = null;
    if (!messages.length) {
      const slug = data.slug as string | undefined;
      const website = data.website ? normaliseWebsite(String(data.website)) : null;
      const bySlugEntry = slug ? bySlug.get(slug) : undefined;
      const byWebsiteEntry = website ? byWebsite.get(website) : undefined;
      if (bySlugEntry) {
        existing = bySlugEntry;
        if (byWebsiteEntry && byWebsiteEntry !== bySlugEntry)
          messages.push(importMessage('websiteOfOther', language, { slug: byWebsiteEntry.slug }));
      } else if (byWebsiteEntry) {
        if (slug) messages.push(importMessage('websiteOtherSlug', language, { slug: byWebsiteEntry.slug }));
        else existing = byWebsiteEntry;
      } else if (!slug && !website) {
        // Neither slug nor website: the organisation of that name, when there is exactly one.
        const named = byName.get(nameKey(data.name)) ?? [];
        if (named.length === 1) existing = named[0];
        if (named.length > 1) messages.push(importMessage('ambiguousName', language, { count: named.length }));
      }
      const key = existing ? existing.documentId : slug ? `slug:${slug}` : null;
      if (key && claimed.has(key)) messages.push(importMessage('sameAsRow', language, { row: claimed.get(key)! }));
      else if (!messages.length && !existing && !slug) {
        // A new organisation without a slug: one from its name, free in the Atlas and in this file.
        const made = await uid.generateUIDField({ contentTypeUID: ORGANISATION, field: 'slug', data, locale });
        let candidate = made;
        for (let i = 1; bySlug.has(candidate) || claimed.has(`slug:${candidate}`); i++) candidate = `${made}-${i}`;
        data.slug = candidate;
      }
      if (!messages.length) claimed.set(existing ? existing.documentId : `slug:${data.slug}`, row);
    }

    if (messages.length) {
      planned.push({ report, data, existing: null });
      continue;
    }
    report.slug = existing && !data.slug ? existing.slug : String(data.slug);
    if (existing) data.slug = existing.slug;
    report.documentId = existing?.documentId ?? null;
    if (!existing) {
      report.state = 'create';
    } else if (!existing.draft) {
      report.state = 'update';
      report.changes = Object.keys(data).map((f) => COLUMN_OF[f]);
      report.messages = [importMessage('newLocale', language, { locale: locale.toUpperCase() })];
    } else {
      report.changes = Object.keys(data)
        .filter((f) => !same(f, data[f], existing!.draft![f]))
        .map((f) => COLUMN_OF[f]);
      report.state = report.changes.length ? 'update' : 'unchanged';
    }
    planned.push({ report, data, existing });
  }
  return planned;
}

// Writing ----------------------------------------------------------------------------------------

function documentData(data: Values, locale: string, changes: string[] | null): Values {
  const out: Values = {};
  for (const [field, value] of Object.entries(data)) {
    if (changes && !changes.includes(COLUMN_OF[field])) continue;
    out[field] =
      field === 'services' ? { set: (value as string[]).map((documentId) => ({ documentId, locale })) } : value;
  }
  return out;
}

async function write(context: Context, planned: Planned[], publish: boolean) {
  const { strapi, locale, language } = context;
  const documents = strapi.documents(ORGANISATION);
  const toWrite = planned.filter((p) => p.report.state === 'create' || p.report.state === 'update');
  for (let start = 0; start < toWrite.length; start += BATCH_SIZE) {
    const batch = toWrite.slice(start, start + BATCH_SIZE);
    let current: Planned | null = null;
    const written = new Map<Planned, string>();
    try {
      await strapi.db.transaction(async () => {
        for (const item of batch) {
          current = item;
          const { report, data, existing } = item;
          let documentId: string;
          if (!existing) {
            const created = await documents.create({ locale, data: documentData(data, locale, null) } as never);
            documentId = (created as { documentId: string }).documentId;
          } else {
            documentId = existing.documentId;
            const changes = existing.draft ? report.changes : null;
            await documents.update({ documentId, locale, data: documentData(data, locale, changes) } as never);
          }
          if (publish) await documents.publish({ documentId, locale } as never);
          written.set(item, documentId);
        }
      });
      for (const [item, documentId] of written) item.report.documentId = documentId;
    } catch (error) {
      const failed = current as Planned | null;
      const reason = error instanceof Error ? error.message : String(error);
      for (const item of batch) {
        item.report.messages = [
          importMessage('rolledBack', language, { size: batch.length, row: failed?.report.row ?? '?', reason }),
        ];
        item.report.state = 'error';
        if (!item.existing) item.report.documentId = null;
      }
    }
  }
}

// The report -------------------------------------------------------------------------------------

export function reportCsv(rows: RowReport[]): string {
  const lines = [['row', 'state', 'slug', 'name', 'id', 'changes', 'message'].join(',')];
  for (const r of rows)
    lines.push(
      [r.row, r.state, r.slug, r.name, r.documentId, r.changes.join(';'), r.messages.join(' ')].map(csvCell).join(','),
    );
  return lines.join('\r\n') + '\r\n';
}

/** Plans the import of a file (a dry run), and writes it when `apply`. */
export async function importAtlas(
  strapi: Core.Strapi,
  file: Buffer,
  options: { locale: string; language: LocaleCode; apply: boolean; publish: boolean },
): Promise<ImportReport> {
  const context: Context = { strapi, locale: options.locale, language: options.language };
  const table = await readTable(file, options.language);
  const planned = await plan(context, table);
  if (options.apply) await write(context, planned, options.publish);
  const rows = planned.map((p) => p.report);
  const counts = { create: 0, update: 0, unchanged: 0, error: 0 } as Record<RowState, number>;
  for (const r of rows) counts[r.state] += 1;
  return {
    locale: options.locale,
    applied: options.apply,
    published: options.apply && options.publish,
    counts,
    rows,
    csv: reportCsv(rows),
  };
}
