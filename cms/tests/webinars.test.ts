import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getApp, graphql, LOCALES, nonEmpty } from './strapi';

/**
 * Webinars: the demo content at parity in the four locales (replays with captions in every
 * language and a transcript per locale), the join link given out only until the webinar ends
 * (REST and GraphQL, lists, lookups by slug in a variable and its default, localizations, filters
 * and sorts on it refused), and the calendar file of one webinar.
 */
const MARKER = crypto.randomBytes(4).toString('hex');
const WEBINAR = 'api::webinar.webinar';
let tokenHeaders: Record<string, string>;
let live: { documentId: string; slug: string; joinUrl: string };

async function rest(path: string, headers: Record<string, string> = {}) {
  const { url } = await getApp();
  const response = await fetch(`${url}${path}`, { headers });
  const text = await response.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, body, headers: response.headers };
}

beforeAll(async () => {
  const { strapi } = await getApp();
  const { accessKey } = (await strapi
    .service('admin::api-token')
    .create({ name: `webinars-${MARKER}`, type: 'read-only', lifespan: null, description: '' })) as any;
  tokenHeaders = { authorization: `Bearer ${accessKey}` };
  // A webinar on air right now: started ten minutes ago, ends in fifty.
  const now = Date.now();
  const slug = `on-air-${MARKER}`;
  const joinUrl = `https://visio.example.org/on-air-${MARKER}`;
  const created: any = await strapi.documents(WEBINAR).create({
    locale: 'en',
    status: 'published',
    data: {
      title: `On air ${MARKER}`,
      slug,
      summary: 'A webinar happening now.',
      startsAt: new Date(now - 10 * 60000),
      endsAt: new Date(now + 50 * 60000),
      timezone: 'Europe/Brussels',
      language: 'en',
      joinUrl,
    },
  } as any);
  live = { documentId: created.documentId, slug, joinUrl };
});

afterAll(async () => {
  const { strapi } = await getApp();
  if (live) await strapi.documents(WEBINAR).delete({ documentId: live.documentId, locale: '*' } as any);
});

const LIST = `query ($locale: I18NLocaleCode) {
  webinars(locale: $locale, sort: "startsAt:asc", pagination: { limit: 100 }) {
    documentId slug title summary description transcript startsAt endsAt timezone language joinUrl replayUrl replayDuration
    replayVideo { url mime }
    replayCaptions { language file { url mime ext } }
    speakers { name role organisation { name } }
    modules { documentId } competences { code } themes { documentId }
    localizations { locale slug joinUrl }
  }
}`;

describe('webinars: demo content', () => {
  it('holds at least 8 webinars, half past with a replay, at parity in the four locales', async () => {
    const byLocale: Record<string, any[]> = {};
    for (const locale of LOCALES) {
      const { data, errors } = await graphql(LIST, { locale });
      expect(errors).toBeUndefined();
      byLocale[locale] = data.webinars.filter((w: any) => !w.slug.includes(MARKER));
    }
    const english = nonEmpty(byLocale.en, 'the webinars');
    expect(english.length).toBeGreaterThanOrEqual(8);
    const now = Date.now();
    const past = english.filter((w) => new Date(w.endsAt).getTime() < now);
    const upcoming = english.filter((w) => new Date(w.startsAt).getTime() > now);
    expect(past.length).toBeGreaterThanOrEqual(english.length / 2);
    expect(upcoming.length).toBeGreaterThan(0);
    for (const webinar of past) {
      expect(webinar.replayVideo?.mime, webinar.slug).toMatch(/^video\/(webm|mp4)$/);
      expect(webinar.replayCaptions.map((c: any) => c.language).sort()).toEqual([...LOCALES].sort());
      for (const caption of webinar.replayCaptions) expect(caption.file.ext).toBe('.vtt');
    }
    for (const locale of LOCALES) {
      const entries = byLocale[locale];
      expect(
        entries.map((w) => w.documentId),
        locale,
      ).toEqual(english.map((w) => w.documentId));
      for (const [index, webinar] of entries.entries()) {
        const source = english[index];
        for (const field of ['title', 'slug', 'summary', 'description']) expect(webinar[field], field).toBeTruthy();
        expect(webinar.speakers.length).toBe(source.speakers.length);
        for (const speaker of webinar.speakers) expect(speaker.role).toBeTruthy();
        // Shared fields are the same in every locale.
        for (const field of ['startsAt', 'endsAt', 'timezone', 'language', 'replayDuration'])
          expect(webinar[field], `${locale} ${field}`).toEqual(source[field]);
        expect(webinar.replayVideo?.url ?? null).toBe(source.replayVideo?.url ?? null);
        // A replay has its transcript in every locale.
        if (source.replayVideo) expect(webinar.transcript, `${locale} transcript of ${source.slug}`).toBeTruthy();
        expect(webinar.localizations.map((l: any) => l.locale).sort()).toEqual(
          LOCALES.filter((l) => l !== locale).sort(),
        );
      }
    }
  });

  it('serves the replay from the CMS origin, with Range requests, and its captions as text/vtt', async () => {
    const { url } = await getApp();
    const { data } = await graphql(LIST, { locale: 'fr' });
    const withReplay = nonEmpty(data.webinars.filter((w: any) => w.replayVideo));
    const video = await fetch(`${url}${withReplay[0].replayVideo.url}`, { headers: { range: 'bytes=0-99' } });
    expect([200, 206]).toContain(video.status);
    expect(video.headers.get('content-type')).toMatch(/^video\/webm/);
    await video.arrayBuffer();
    const caption = withReplay[0].replayCaptions.find((c: any) => c.language === 'fr');
    const vtt = await fetch(`${url}${caption.file.url}`);
    expect(vtt.headers.get('content-type')).toMatch(/^text\/vtt/);
    expect(await vtt.text()).toMatch(/^WEBVTT\n/);
  });
});

describe('webinars: the join link only before and during the webinar', () => {
  const ended = (w: any) => new Date(w.endsAt).getTime() <= Date.now();

  it('is null after the end and given before and during, through GraphQL lists and localizations', async () => {
    for (const locale of LOCALES) {
      const { data, errors } = await graphql(LIST, { locale });
      expect(errors).toBeUndefined();
      const webinars = nonEmpty(data.webinars as any[]);
      const past = nonEmpty(webinars.filter(ended), 'past webinars');
      for (const webinar of past) {
        expect(webinar.joinUrl, webinar.slug).toBeNull();
        for (const other of webinar.localizations) expect(other.joinUrl, `${webinar.slug} ${other.locale}`).toBeNull();
      }
      const coming = nonEmpty(
        webinars.filter((w) => !ended(w)),
        'upcoming webinars',
      );
      for (const webinar of coming) expect(webinar.joinUrl, webinar.slug).toMatch(/^https:\/\//);
    }
    const { data } = await graphql(LIST, { locale: 'en' });
    expect(data.webinars.find((w: any) => w.slug === live.slug)?.joinUrl).toBe(live.joinUrl);
  });

  it('is null after the end when asked by slug, in a variable or its default value', async () => {
    const { data } = await graphql(LIST, { locale: 'es' });
    const past = nonEmpty(data.webinars.filter(ended));
    const slug = past[0].slug;
    const byVariable = await graphql(
      `
        query ($slug: String!) {
          webinars(locale: "es", filters: { slug: { eq: $slug } }) {
            slug
            joinUrl
          }
        }
      `,
      { slug },
    );
    expect(byVariable.data.webinars).toEqual([{ slug, joinUrl: null }]);
    const byDefault = await graphql(
      `query ($slug: String = "${slug}") { webinars(locale: "es", filters: { slug: { eq: $slug } }) { slug joinUrl } }`,
    );
    expect(byDefault.data.webinars).toEqual([{ slug, joinUrl: null }]);
    const one = await graphql(
      `
        query ($id: ID!) {
          webinar(documentId: $id, locale: "es") {
            joinUrl
            endsAt
          }
        }
      `,
      {
        id: past[0].documentId,
      },
    );
    expect(one.data.webinar.joinUrl).toBeNull();
  });

  it('is null after the end through REST, also when only the link is asked for and in localizations', async () => {
    const all = await rest(
      '/api/webinars?locale=en&pagination[pageSize]=100&populate[localizations]=true',
      tokenHeaders,
    );
    expect(all.status).toBe(200);
    const past = nonEmpty((all.body.data as any[]).filter(ended));
    for (const webinar of past) {
      expect(webinar.joinUrl, webinar.slug).toBeNull();
      for (const other of webinar.localizations) expect(other.joinUrl).toBeNull();
    }
    const upcoming = nonEmpty((all.body.data as any[]).filter((w) => !ended(w)));
    for (const webinar of upcoming) expect(webinar.joinUrl).toMatch(/^https:\/\//);
    // Only the link: the end is read along with it, and the rule still holds.
    const onlyLink = await rest(
      `/api/webinars?locale=en&fields[0]=joinUrl&fields[1]=slug&pagination[pageSize]=100`,
      tokenHeaders,
    );
    expect(onlyLink.status).toBe(200);
    const bySlug = new Map((onlyLink.body.data as any[]).map((w) => [w.slug, w.joinUrl]));
    for (const webinar of past) expect(bySlug.get(webinar.slug)).toBeNull();
    expect(bySlug.get(live.slug)).toBe(live.joinUrl);
    const one = await rest(`/api/webinars/${past[0].documentId}?locale=en`, tokenHeaders);
    expect(one.body.data.joinUrl).toBeNull();
  });

  it('refuses filters and sorts on the link (they would reveal an ended webinar’s link)', async () => {
    const { data } = await graphql(LIST, { locale: 'en' });
    const stored: string = (
      await (await getApp()).strapi.documents(WEBINAR).findFirst({
        locale: 'en',
        status: 'published',
        filters: { documentId: nonEmpty(data.webinars.filter(ended))[0].documentId },
      } as any)
    )?.joinUrl;
    // The CMS itself (and the admin) still has the link of an ended webinar: editors keep what they wrote.
    expect(stored).toMatch(/^https:\/\//);
    const filtered = await graphql(
      `
        query ($url: String) {
          webinars(locale: "en", filters: { joinUrl: { eq: $url } }) {
            slug
          }
        }
      `,
      { url: stored },
    );
    expect(filtered.data?.webinars ?? null).toBeNull();
    expect(filtered.errors?.[0]?.message).toMatch(/joinUrl/);
    const nested = await graphql(`
      query {
        webinars(locale: "en", filters: { or: [{ joinUrl: { contains: "visio" } }, { slug: { eq: "x" } }] }) {
          slug
        }
      }
    `);
    expect(nested.errors?.[0]?.message).toMatch(/joinUrl/);
    const sorted = await graphql(`
      query {
        webinars(locale: "en", sort: "joinUrl:asc") {
          slug
        }
      }
    `);
    expect(sorted.errors?.[0]?.message).toMatch(/joinUrl/);
    const restFilter = await rest(
      `/api/webinars?locale=en&filters[joinUrl][$eq]=${encodeURIComponent(stored)}`,
      tokenHeaders,
    );
    expect(restFilter.status).toBe(403);
    expect(JSON.stringify(restFilter.body)).not.toContain(stored);
  });

  it('disappears as soon as the webinar ends', async () => {
    const { strapi } = await getApp();
    const ask = async () =>
      (
        await graphql(
          `
            query ($slug: String!) {
              webinars(locale: "en", filters: { slug: { eq: $slug } }) {
                joinUrl
              }
            }
          `,
          {
            slug: live.slug,
          },
        )
      ).data.webinars[0].joinUrl;
    expect(await ask()).toBe(live.joinUrl);
    await strapi.documents(WEBINAR).update({
      documentId: live.documentId,
      locale: 'en',
      status: 'published',
      data: { endsAt: new Date(Date.now() - 1000) },
    } as any);
    expect(await ask()).toBeNull();
  });
});

describe('webinars: the calendar file', () => {
  it('gives one VEVENT for a published webinar, 404 for an unknown or unpublished one', async () => {
    const { strapi } = await getApp();
    const { data } = await graphql(LIST, { locale: 'it' });
    const webinar = nonEmpty(data.webinars.filter((w: any) => !w.slug.includes(MARKER)))[0];
    const ics = await rest(`/api/webinar-calendar/it/${webinar.slug}.ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(ics.body).toContain('BEGIN:VEVENT');
    expect(ics.body).toContain(`SUMMARY:${webinar.title.slice(0, 20)}`);
    expect(ics.body).toContain(`/it/webinar/${webinar.slug}`);
    expect((ics.body.match(/BEGIN:VEVENT/g) ?? []).length).toBe(1);
    expect((await rest('/api/webinar-calendar/it/no-such-webinar.ics')).status).toBe(404);
    const draft: any = await strapi.documents(WEBINAR).create({
      locale: 'it',
      data: {
        title: `Bozza ${MARKER}`,
        slug: `bozza-${MARKER}`,
        startsAt: new Date(Date.now() + 86400000),
        endsAt: new Date(Date.now() + 90000000),
        timezone: 'Europe/Rome',
        language: 'it',
      },
    } as any);
    try {
      expect((await rest(`/api/webinar-calendar/it/bozza-${MARKER}.ics`)).status).toBe(404);
    } finally {
      await strapi.documents(WEBINAR).delete({ documentId: draft.documentId, locale: '*' } as any);
    }
  });
});
