import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { FIELDS } from './fields';
import { editorLocale, t } from '../api/registration/messages';

/**
 * Alternative text, per language, for every informative image.
 *
 * Strapi keeps one alternative text per file (the media library's), the same on every page that
 * shows the file in every language: the French text was read out on the Italian page. Each image
 * field `x` of a content type (or of a component it holds) has beside it `xAlt`, a localized text,
 * and `xDecorative`, a yes/no (shared when the image is shared, like a logo; per language when
 * each language has its own image, like a module's cover). The site renders `xAlt` in the page's
 * language, or `alt=""` when the image is marked decorative.
 *
 * The rule, at the data layer (a Document Service middleware, so the content manager, the API and
 * scripts all go through it): a version cannot be published while one of its images is neither
 * decorative nor described in that version's language. Drafts may be incomplete, as Strapi's own
 * required fields. The error is in the editor's admin language, next to the alt text field.
 * The share image of the SEO component (`shareImageAlt`) is always informative (no decorative).
 */
export const ALT_SUFFIX = 'Alt';
export const DECORATIVE_SUFFIX = 'Decorative';

type Attribute = {
  type: string;
  multiple?: boolean;
  allowedTypes?: string[];
  component?: string;
  repeatable?: boolean;
};
type Model = { attributes: Record<string, Attribute>; pluginOptions?: { i18n?: { localized?: boolean } } };

/** An image that carries its own alt text: in the model itself or in one of its (single) components. */
export interface DescribedImage {
  /** The component field holding it (`seo`), or none. */
  component?: string;
  /** The component's uid, for its labels. */
  componentUid?: string;
  image: string;
  alt: string;
  decorative?: string;
}

function ownImages(model: Model): Array<Omit<DescribedImage, 'component' | 'componentUid'>> {
  return Object.entries(model.attributes)
    .filter(([name, a]) => a.type === 'media' && !a.multiple && model.attributes[`${name}${ALT_SUFFIX}`])
    .map(([name]) => ({
      image: name,
      alt: `${name}${ALT_SUFFIX}`,
      ...(model.attributes[`${name}${DECORATIVE_SUFFIX}`] ? { decorative: `${name}${DECORATIVE_SUFFIX}` } : {}),
    }));
}

export function describedImages(strapi: Core.Strapi, uid: string): DescribedImage[] {
  const model = strapi.getModel(uid as never) as unknown as Model | undefined;
  if (!model) return [];
  const images: DescribedImage[] = ownImages(model);
  for (const [name, attribute] of Object.entries(model.attributes)) {
    if (attribute.type !== 'component' || attribute.repeatable || !attribute.component) continue;
    const component = strapi.components[attribute.component as keyof typeof strapi.components] as unknown as Model;
    for (const image of ownImages(component))
      images.push({ ...image, component: name, componentUid: attribute.component });
  }
  return images;
}

type Row = Record<string, unknown>;

function hasImage(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return value !== null && value !== undefined && value !== '' && value !== 0;
}

/** The images of one version (a row, or a row as it will be) that are informative and not described. */
export function undescribed(images: DescribedImage[], version: Row): DescribedImage[] {
  return images.filter((i) => {
    const holder = (i.component ? version[i.component] : version) as Row | null | undefined;
    if (!holder || !hasImage(holder[i.image])) return false;
    if (i.decorative && holder[i.decorative] === true) return false;
    const alt = holder[i.alt];
    return typeof alt !== 'string' || !alt.trim();
  });
}

/** How the draft rows of a document are read: the alt texts, the decorative marks and the images' ids. */
function versionQuery(images: DescribedImage[]) {
  const select = ['locale'];
  const populate: Record<string, unknown> = {};
  const components: Record<string, { select: string[]; populate: Record<string, unknown> }> = {};
  for (const i of images) {
    if (i.component) {
      components[i.component] ??= { select: ['id'], populate: {} };
      components[i.component].select.push(i.alt, ...(i.decorative ? [i.decorative] : []));
      components[i.component].populate[i.image] = { select: ['id'] };
    } else {
      select.push(i.alt, ...(i.decorative ? [i.decorative] : []));
      populate[i.image] = { select: ['id'] };
    }
  }
  return { select, populate: { ...populate, ...components } };
}

/** The locales of a document whose draft cannot be published for want of an alt text, with what lacks. */
export async function missingAltTexts(
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  locales?: string[],
): Promise<Array<{ locale: string; images: DescribedImage[] }>> {
  const images = describedImages(strapi, uid);
  if (!images.length) return [];
  const rows = (await strapi.db.query(uid as never).findMany({
    where: { documentId, publishedAt: null, ...(locales ? { locale: { $in: locales } } : {}) },
    ...versionQuery(images),
  })) as Row[];
  return rows
    .map((row) => ({ locale: String(row.locale ?? ''), images: undescribed(images, row) }))
    .filter((r) => r.images.length);
}

function label(uid: string | undefined, field: string, language: keyof (typeof FIELDS)[string][string]['label']) {
  return (uid && FIELDS[uid]?.[field]?.label[language]) || field;
}

/** The editor's error: one line per image, each next to its alt text field. */
export function altTextError(
  strapi: Core.Strapi,
  uid: string,
  missing: Array<{ locale: string; images: DescribedImage[] }>,
) {
  const language = editorLocale(strapi);
  const names = new Intl.DisplayNames([language], { type: 'language' });
  const details = missing.flatMap(({ locale, images }) =>
    images.map((i) => {
      const owner = i.componentUid ?? uid;
      const message = t(language, 'editor.altRequired', {
        field: label(owner, i.image, language),
        language: (locale && names.of(locale)) || locale,
        decorative: i.decorative ? label(owner, i.decorative, language) : '',
      });
      return { path: i.component ? [i.component, i.alt] : [i.alt], message, name: 'ValidationError' };
    }),
  );
  return new errors.ValidationError(details[0].message, { errors: details });
}

interface DocumentContext {
  action: string;
  uid: string;
  params: {
    documentId?: string;
    locale?: string | string[];
    status?: string;
    data?: Row;
  };
}

/** The version a create or update will leave: what is stored, overwritten by what is sent. */
async function versionAfterWrite(strapi: Core.Strapi, ctx: DocumentContext, images: DescribedImage[]): Promise<Row> {
  const data = ctx.params.data ?? {};
  const stored =
    ctx.action === 'update' && ctx.params.documentId
      ? (((await strapi.db.query(ctx.uid as never).findOne({
          where: {
            documentId: ctx.params.documentId,
            publishedAt: null,
            ...(typeof ctx.params.locale === 'string' ? { locale: ctx.params.locale } : {}),
          },
          ...versionQuery(images),
        })) as Row | null) ?? {})
      : {};
  const version: Row = { ...stored, ...data };
  for (const component of new Set(images.map((i) => i.component).filter(Boolean) as string[])) {
    const sent = data[component];
    if (sent && typeof sent === 'object' && stored[component] && typeof stored[component] === 'object')
      version[component] = { ...(stored[component] as Row), ...(sent as Row) };
  }
  return version;
}

export function altTextMiddleware(strapi: Core.Strapi) {
  return async (ctx: DocumentContext, next: () => Promise<unknown>) => {
    const publishing = ctx.action === 'publish';
    const writingPublished = (ctx.action === 'create' || ctx.action === 'update') && ctx.params.status === 'published';
    if ((!publishing && !writingPublished) || !ctx.uid.startsWith('api::')) return next();
    const images = describedImages(strapi, ctx.uid);
    if (!images.length) return next();
    const locale = ctx.params.locale;
    if (publishing && ctx.params.documentId) {
      const locales =
        locale === '*' ? undefined : Array.isArray(locale) ? locale : [locale ?? (await defaultLocale(strapi))];
      const missing = await missingAltTexts(strapi, ctx.uid, ctx.params.documentId, locales);
      if (missing.length) throw altTextError(strapi, ctx.uid, missing);
    } else if (writingPublished) {
      const lacking = undescribed(images, await versionAfterWrite(strapi, ctx, images));
      const code = typeof locale === 'string' ? locale : await defaultLocale(strapi);
      if (lacking.length) throw altTextError(strapi, ctx.uid, [{ locale: code, images: lacking }]);
    }
    return next();
  };
}

async function defaultLocale(strapi: Core.Strapi): Promise<string> {
  return strapi.plugin('i18n').service('locales').getDefaultLocale();
}
