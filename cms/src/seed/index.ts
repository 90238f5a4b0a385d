import crypto from 'node:crypto';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, LOCALE_CODES, type LocaleCode } from '../i18n/locales';
import { loadFixtures, type Fixture, type FixtureSet } from './fixtures';
import { addDays, utcMidnight, zonedDateTime } from './dates';
import { demoFile } from './media';
import { LICENCE_URL, uploadKitFiles } from './kit-files';
import { seedPictures } from './pictures';

const STORE = { type: 'plugin' as const, name: 'academy', key: 'demo-content' };
const PUBLISHED = 'published' as const;

type Uid =
  | 'api::theme.theme'
  | 'api::audience.audience'
  | 'api::competence.competence'
  | 'api::organisation.organisation'
  | 'api::job-sheet.job-sheet'
  | 'api::module.module'
  | 'api::interview.interview'
  | 'api::training-session.training-session'
  | 'api::job-offer.job-offer'
  | 'api::webinar.webinar'
  | 'api::trainer-kit.trainer-kit';

/** documentIds of seeded entries, by folder and fixture key. */
type Ids = Record<string, Map<string, string>>;

export interface SeedReport {
  created: number;
  skipped: number;
}

/** Loads the demo content on the first start (or on every start with SEED_ON_START=always). */
export async function seedOnFirstStart(strapi: Core.Strapi) {
  const mode = process.env.SEED_ON_START ?? 'first';
  if (mode === 'never') return;
  const store = strapi.store(STORE);
  if (mode !== 'always' && (await store.get({ key: STORE.key }))) return;
  await seedDemoContent(strapi);
}

/** Idempotent: an entry found by slug + locale is left as it is; only what is missing is created. */
export async function seedDemoContent(
  strapi: Core.Strapi,
  dataDir = process.env.SEED_DATA_DIR || path.join(strapi.dirs.app.root, 'data'),
): Promise<SeedReport> {
  const started = Date.now();
  const fixtures = loadFixtures(dataDir);
  const ids: Ids = {};
  const report: SeedReport = { created: 0, skipped: 0 };
  const seeder = new Seeder(strapi, ids, report);
  await seeder.run(fixtures, dataDir);
  // The pictures (covers, portraits, logos) once every entry exists in every locale.
  const picturesStarted = Date.now();
  // SEED_PICTURES=never: the demo content without them (the pictures benchmark's "before").
  const pictures = process.env.SEED_PICTURES === 'never' ? 0 : await seedPictures(strapi, fixtures, ids);
  const picturesMs = Date.now() - picturesStarted;
  await strapi.store(STORE).set({ key: STORE.key, value: { at: new Date().toISOString(), ...report } });
  strapi.log.info(
    `Demo content: ${report.created} locale entries created, ${report.skipped} already there, ${pictures} pictures attached in ${picturesMs} ms (${Date.now() - started} ms in all)`,
  );
  return report;
}

const ref = (ids: Ids, folder: string, key: string | null | undefined, from: string) => {
  if (key == null) return null;
  const documentId = ids[folder]?.get(key);
  if (!documentId) throw new Error(`Demo content: ${from} links to unknown ${folder} "${key}"`);
  return documentId;
};
const refs = (ids: Ids, folder: string, keys: string[] | undefined, from: string) =>
  (keys ?? []).map((key) => ref(ids, folder, key, from) as string);

class Seeder {
  constructor(
    private strapi: Core.Strapi,
    private ids: Ids,
    private report: SeedReport,
  ) {}

  async run({ collections, home, site, trainersCorner }: FixtureSet, dataDir: string) {
    const { ids } = this;
    await this.collection('themes', 'api::theme.theme', collections.themes, () => ({}));
    await this.collection('audiences', 'api::audience.audience', collections.audiences, () => ({}));
    await this.collection('competences', 'api::competence.competence', collections.competences, (f) => ({
      code: f.code,
      areaCode: f.areaCode,
    }));
    await this.collection(
      'organisations',
      'api::organisation.organisation',
      collections.organisations,
      (f) => ({
        name: f.name,
        slug: f.slug,
        kind: f.kind,
        roles: f.roles ?? [],
        services: refs(ids, 'themes', f.services, f.key),
        country: f.country,
        city: f.city ?? null,
        latitude: f.latitude ?? null,
        longitude: f.longitude ?? null,
        website: f.website ?? null,
        isConsortiumPartner: Boolean(f.isConsortiumPartner),
        foundedYear: f.foundedYear ?? null,
      }),
      (l) => ({ description: l.description }),
    );
    await this.collection(
      'job-sheets',
      'api::job-sheet.job-sheet',
      collections['job-sheets'],
      (f) => ({
        escoUri: f.escoUri ?? null,
        iscoCode: f.iscoCode ?? null,
        competences: refs(ids, 'competences', f.competences, f.key),
      }),
      (l) => ({
        ...pick(l, ['title', 'slug', 'summary', 'accessRoutes', 'workContexts', 'salaryRange', 'seo']),
        missions: (l.missions ?? []).map((text: string) => ({ text })),
        skills: l.skills ?? [],
      }),
    );
    // Related jobs point at job sheets, so they are linked once every job sheet exists.
    await this.linkAfter('job-sheets', 'api::job-sheet.job-sheet', collections['job-sheets'], (f) => ({
      relatedJobs: refs(ids, 'job-sheets', f.relatedJobs, f.key),
    }));
    await this.collection(
      'modules',
      'api::module.module',
      collections.modules,
      (f) => ({
        level: f.level,
        durationHours: f.durationHours ?? null,
        licence: f.licence ?? 'CC BY-SA 4.0',
        theme: ref(ids, 'themes', f.theme, f.key),
        audiences: refs(ids, 'audiences', f.audiences, f.key),
        competences: refs(ids, 'competences', f.competences, f.key),
        authors: refs(ids, 'organisations', f.authors, f.key),
        jobSheets: refs(ids, 'job-sheets', f.jobSheets, f.key),
      }),
      (l, f) => ({
        ...pick(l, ['title', 'slug', 'summary', 'theory', 'practicalCase', 'referenceModel', 'seo']),
        toolbox: (f.toolbox ?? []).map(
          (tool: { name: string; url: string; isOpenSource?: boolean; licence?: string }, index: number) => ({
            name: tool.name,
            url: tool.url,
            isOpenSource: Boolean(tool.isOpenSource),
            licence: tool.licence ?? null,
            description: l.toolboxDescriptions?.[index] ?? null,
          }),
        ),
      }),
    );
    await this.collection(
      'interviews',
      'api::interview.interview',
      collections.interviews,
      (f) => ({
        personName: f.personName,
        country: f.country ?? null,
        isSamplePortrait: f.isSamplePortrait !== false,
        interviewDate: f.interviewDate ?? null,
        organisation: ref(ids, 'organisations', f.organisation, f.key),
        jobSheet: ref(ids, 'job-sheets', f.jobSheet, f.key),
      }),
      (l) => ({
        ...pick(l, ['title', 'slug', 'summary', 'personRole', 'pullQuote', 'seo']),
        videoUrl: l.videoUrl ?? null,
        body: l.body ?? [],
      }),
    );
    const today = utcMidnight();
    await this.collection(
      'training-sessions',
      'api::training-session.training-session',
      collections['training-sessions'],
      (f) => {
        const firstDay = addDays(today, f.startsInDays);
        const startsAt = zonedDateTime(firstDay, f.startTime ?? '09:30', f.timezone);
        const endsAt = zonedDateTime(addDays(firstDay, (f.days ?? 1) - 1), f.endTime ?? '17:00', f.timezone);
        const daysBefore = (n: number | null | undefined) =>
          n == null ? null : new Date(startsAt.getTime() - n * 86400000);
        return {
          startsAt,
          endsAt,
          timezone: f.timezone,
          teachingLanguage: f.teachingLanguage,
          format: f.format,
          hours: f.hours ?? null,
          capacity: f.capacity,
          registrationOpensAt: daysBefore(f.registrationOpensDaysBefore),
          registrationClosesAt: daysBefore(f.registrationClosesDaysBefore),
          isFree: f.isFree !== false,
          price: f.isFree === false ? (f.price ?? null) : null,
          externalRegistrationUrl: f.externalRegistrationUrl ?? null,
          module: ref(ids, 'modules', f.module, f.key),
          organiser: ref(ids, 'organisations', f.organiser, f.key),
          audiences: refs(ids, 'audiences', f.audiences, f.key),
        };
      },
      (l) => pick(l, ['title', 'slug', 'description', 'venue']),
    );
    await this.fillFullyBookedSessions(collections['training-sessions']);
    // Offers open until a day relative to the seed (negative: already expired, out of every list).
    await this.collection(
      'job-offers',
      'api::job-offer.job-offer',
      collections['job-offers'],
      (f) => ({
        contract: f.contract,
        city: f.city ?? null,
        country: f.country,
        workplace: f.workplace ?? 'on-site',
        publishedUntil: zonedDateTime(addDays(today, f.openForDays), '23:59', 'Europe/Brussels'),
        applyUrl: f.applyUrl ?? null,
        applyEmail: f.applyEmail ?? null,
        salaryMin: f.salary?.min ?? null,
        salaryMax: f.salary?.max ?? null,
        salaryCurrency: f.salary?.currency ?? null,
        salaryPeriod: f.salary?.period ?? null,
        organisation: ref(ids, 'organisations', f.organisation, f.key),
        jobSheet: ref(ids, 'job-sheets', f.jobSheet, f.key),
        competences: refs(ids, 'competences', f.competences, f.key),
      }),
      (l) => ({ ...pick(l, ['title', 'slug', 'summary', 'description', 'seo']), skills: l.skills ?? [] }),
    );
    await this.webinars(collections.webinars, path.join(dataDir, 'webinars', 'media'), today);
    await this.singleType('api::home.home', home, (f) => ({
      featuredModules: refs(ids, 'modules', f.featuredModules, 'home'),
      featuredJobSheets: refs(ids, 'job-sheets', f.featuredJobSheets, 'home'),
      featuredInterviews: refs(ids, 'interviews', f.featuredInterviews, 'home'),
    }));
    await this.singleType('api::site.site', site, (f) => ({ contactEmail: f.contactEmail ?? null }));
    // The trainers' corner: a kit per module (its PDFs made from the module's own fixture, uploaded
    // only when the kit's locale is created), and the hub linking the training-of-trainers sessions.
    const kitsStarted = Date.now();
    const modules = new Map(collections.modules.map((f) => [f.key, f]));
    await this.collection(
      'trainer-kits',
      'api::trainer-kit.trainer-kit',
      collections['trainer-kits'],
      (f) => ({
        module: ref(ids, 'modules', f.module, f.key),
        licence: modules.get(f.module)?.licence ?? 'CC BY-SA 4.0',
        licenceUrl: LICENCE_URL,
      }),
      (l) => pick(l, ['title', 'slug', 'summary', 'facilitatorGuide', 'seo']),
      async (f, locale) => {
        const module = modules.get(f.module);
        if (!module) throw new Error(`Demo content: trainer-kits/${f.key} links to unknown modules "${f.module}"`);
        return { files: await uploadKitFiles(this.strapi, { fixture: module, locale }) };
      },
    );
    this.strapi.log.info(`Demo content: trainer kits and their files in ${Date.now() - kitsStarted} ms`);
    await this.singleType('api::trainers-corner.trainers-corner', trainersCorner, (f) => ({
      programmeSessions: refs(ids, 'training-sessions', f.programmeSessions, 'trainers-corner'),
    }));
  }

  /** Creates each entry in the default locale, then its other localizations on the same documentId. */
  private async collection(
    folder: string,
    uid: Uid,
    fixtures: Fixture[],
    shared: (fixture: Fixture) => Record<string, unknown>,
    localized: (locale: Fixture['locales'][LocaleCode], fixture: Fixture) => Record<string, unknown> = (l) => l,
    /** What is made only when a locale is created (uploaded files). */
    onCreate?: (fixture: Fixture, locale: LocaleCode) => Promise<Record<string, unknown>>,
  ) {
    const documents = this.strapi.documents(uid);
    const map = new Map<string, string>();
    this.ids[folder] = map;
    for (const fixture of fixtures) {
      const sharedData = shared(fixture);
      let documentId: string | undefined;
      for (const locale of [DEFAULT_LOCALE, ...LOCALE_CODES.filter((l) => l !== DEFAULT_LOCALE)] as LocaleCode[]) {
        const data = { ...localized(fixture.locales[locale], fixture), ...sharedData };
        const slug = String(data.slug ?? sharedData.slug);
        const existing = await documents.findFirst({ filters: { slug }, locale, status: PUBLISHED });
        if (existing) {
          documentId ??= existing.documentId;
          this.report.skipped++;
          continue;
        }
        if (onCreate) Object.assign(data, await onCreate(fixture, locale));
        if (!documentId) {
          const created = await documents.create({ data, locale, status: PUBLISHED });
          documentId = created.documentId;
        } else {
          await documents.update({ documentId, data, locale, status: PUBLISHED });
        }
        this.report.created++;
      }
      map.set(fixture.key, documentId as string);
    }
  }

  /** Sets relations between entries of the same type, in every locale, where they are missing. */
  private async linkAfter(
    folder: string,
    uid: Uid,
    fixtures: Fixture[],
    relations: (fixture: Fixture) => Record<string, string[]>,
  ) {
    const documents = this.strapi.documents(uid);
    for (const fixture of fixtures) {
      const data = relations(fixture);
      const documentId = this.ids[folder].get(fixture.key) as string;
      for (const locale of LOCALE_CODES) {
        const current = await documents.findOne({
          documentId,
          locale,
          status: PUBLISHED,
          populate: Object.fromEntries(Object.keys(data).map((field) => [field, { fields: ['documentId'] }])),
        });
        const missing = Object.entries(data).some(([field, wanted]) => (current?.[field]?.length ?? 0) < wanted.length);
        if (!missing) continue;
        await documents.update({ documentId, data, locale, status: PUBLISHED });
      }
    }
  }

  private async singleType(
    uid: 'api::home.home' | 'api::site.site' | 'api::trainers-corner.trainers-corner',
    fixture: Fixture,
    shared: (f: Fixture) => Record<string, unknown>,
  ) {
    const documents = this.strapi.documents(uid);
    const sharedData = shared(fixture);
    let documentId: string | undefined;
    for (const locale of [DEFAULT_LOCALE, ...LOCALE_CODES.filter((l) => l !== DEFAULT_LOCALE)] as LocaleCode[]) {
      const existing = await documents.findFirst({ locale, status: PUBLISHED });
      if (existing) {
        documentId ??= existing.documentId;
        this.report.skipped++;
        continue;
      }
      const data = { ...fixture.locales[locale], ...sharedData };
      if (!documentId) documentId = (await documents.create({ data, locale, status: PUBLISHED })).documentId;
      else await documents.update({ documentId, data, locale, status: PUBLISHED });
      this.report.created++;
    }
  }

  /**
   * Webinars, dated from today as sessions are; a past one with `replay: true` gets the demo
   * replay (data/webinars/media/demo-replay.webm, made by scripts/make-demo-replay.sh) with its
   * captions in the four languages, uploaded once to the media library.
   */
  private async webinars(fixtures: Fixture[], mediaDir: string, today: Date) {
    const { ids } = this;
    const withReplay = fixtures.some((f) => f.replay);
    const video = withReplay ? await demoFile(this.strapi, mediaDir, 'demo-replay.webm', 'video/webm') : null;
    const poster = withReplay ? await demoFile(this.strapi, mediaDir, 'demo-replay-poster.jpg', 'image/jpeg') : null;
    const captions: Array<{ language: LocaleCode; file: number }> = [];
    if (withReplay) {
      for (const language of LOCALE_CODES)
        captions.push({
          language,
          file: await demoFile(this.strapi, mediaDir, `demo-replay.${language}.vtt`, 'text/vtt'),
        });
    }
    await this.collection(
      'webinars',
      'api::webinar.webinar',
      fixtures,
      (f) => {
        const startsAt = zonedDateTime(addDays(today, f.startsInDays), f.startTime ?? '14:00', f.timezone);
        return {
          startsAt,
          endsAt: new Date(startsAt.getTime() + (f.durationMinutes ?? 60) * 60000),
          timezone: f.timezone,
          language: f.language,
          joinUrl: f.joinUrl ?? null,
          replayUrl: f.replayUrl ?? null,
          replayVideo: f.replay ? video : null,
          replayPoster: f.replay ? poster : null,
          replayDuration: f.replay ? (f.replayDuration ?? 8) : null,
          replayCaptions: f.replay ? captions : [],
          modules: refs(ids, 'modules', f.modules, f.key),
          competences: refs(ids, 'competences', f.competences, f.key),
          themes: refs(ids, 'themes', f.themes, f.key),
        };
      },
      (l, f) => ({
        ...pick(l, ['title', 'slug', 'summary', 'description', 'transcript', 'seo']),
        speakers: (f.speakers ?? []).map((s: { name: string; organisation?: string }, index: number) => ({
          name: s.name,
          role: l.speakerRoles?.[index] ?? null,
          organisation: ref(ids, 'organisations', s.organisation, f.key),
        })),
      }),
    );
  }

  /** A session marked fullyBooked gets confirmed sample registrations (example.org) up to its capacity. */
  private async fillFullyBookedSessions(fixtures: Fixture[]) {
    const registrations = this.strapi.documents('api::registration.registration');
    for (const fixture of fixtures.filter((f) => f.fullyBooked)) {
      const sessionDocumentId = this.ids['training-sessions'].get(fixture.key) as string;
      const confirmed = await registrations.count({ filters: { sessionDocumentId, registrationStatus: 'confirmed' } });
      for (let n = confirmed + 1; n <= fixture.capacity; n++) {
        const email = `sample-participant-${n}@example.org`;
        await registrations.create({
          data: {
            sessionDocumentId,
            fullName: `Sample participant ${n}`,
            email,
            emailNormalized: email,
            consentAt: new Date(),
            policyVersion: 'demo',
            registrationStatus: 'confirmed',
            language: fixture.teachingLanguage,
            tokenHash: crypto.createHash('sha256').update(crypto.randomBytes(32)).digest('hex'),
          },
        });
      }
    }
  }
}

function pick(source: Record<string, unknown>, fields: string[]) {
  return Object.fromEntries(
    fields.filter((field) => source[field] !== undefined).map((field) => [field, source[field]]),
  );
}
