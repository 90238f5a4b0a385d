import type { Core } from '@strapi/strapi';
import ical from 'ical-generator';
import type { KoaContext } from '../../koa';
import { LOCALE_CODES, type LocaleCode } from '../../i18n/locales';
import { WEBINAR } from './join-link';

/**
 * One webinar as an iCalendar file (one VEVENT), for the "add to my calendar" link of its page:
 * `GET /api/webinar-calendar/<locale>/<slug>.ics`, public, published webinars only (the read asks
 * for `status: 'published'`, and the draft rule holds every public read to it anyway). The site
 * serves it from its own origin (web/server/routes/calendar/). Built with `ical-generator`, as the
 * open-data calendar of the training sessions is (src/open-data/exports.ts).
 */
export const WEBINAR_PATHS: Record<LocaleCode, string> = {
  fr: 'webinaires',
  en: 'webinars',
  it: 'webinar',
  es: 'webinarios',
};

const siteBase = (strapi: Core.Strapi) =>
  String(strapi.config.get('publishing.siteUrl', 'http://localhost:3000')).replace(/\/+$/, '');

export async function webinarIcs(strapi: Core.Strapi, locale: LocaleCode, slug: string): Promise<string | null> {
  const webinar = (await strapi.documents(WEBINAR).findFirst({
    locale,
    status: 'published',
    filters: { slug },
  } as never)) as Record<string, any> | null; // eslint-disable-line @typescript-eslint/no-explicit-any
  if (!webinar?.startsAt) return null;
  const url = `${siteBase(strapi)}/${locale}/${WEBINAR_PATHS[locale]}/${webinar.slug}`;
  const calendar = ical({
    name: webinar.title,
    prodId: { company: 'Social Tech Academy', product: 'webinars', language: locale.toUpperCase() },
    url,
  });
  calendar.createEvent({
    id: `${webinar.documentId}-${locale}@social-tech-academy`,
    start: new Date(webinar.startsAt),
    end: webinar.endsAt ? new Date(webinar.endsAt) : new Date(webinar.startsAt),
    summary: webinar.title,
    description: [webinar.summary, url].filter(Boolean).join('\n\n'),
    location: 'Online',
    url,
    lastModified: webinar.updatedAt ? new Date(webinar.updatedAt) : null,
    stamp: webinar.updatedAt ? new Date(webinar.updatedAt) : new Date(webinar.startsAt),
  });
  return calendar.toString();
}

export function webinarCalendarRoutes(strapi: Core.Strapi): Core.Router {
  return {
    type: 'content-api',
    prefix: '/webinar-calendar',
    routes: [
      {
        method: 'GET',
        info: {},
        path: '/:locale/:file',
        handler: async (ctx: KoaContext) => {
          const locale = String(ctx.params.locale) as LocaleCode;
          const slug = /^([a-z0-9-]{1,200})\.ics$/.exec(String(ctx.params.file))?.[1];
          const body = LOCALE_CODES.includes(locale) && slug ? await webinarIcs(strapi, locale, slug) : null;
          if (!body) return ctx.notFound('No such webinar.');
          ctx.set('Cache-Control', 'public, no-cache');
          ctx.set('Content-Disposition', `attachment; filename="${slug}.ics"`);
          ctx.type = 'text/calendar; charset=utf-8';
          ctx.body = body;
        },
        config: { auth: false },
      },
    ],
  };
}
