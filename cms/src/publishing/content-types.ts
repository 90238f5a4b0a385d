import type { Core, UID } from '@strapi/strapi';

/**
 * The content the public sees: every `api::` type with draft & publish (registrations have none
 * and are never public). Each is named as partners name it in GraphQL: `module`, `jobSheet`,
 * `trainingSession`, `home` (the singular query field; its type is the same name, capitalised).
 */
export function publicContentTypes(strapi: Core.Strapi): string[] {
  return Object.values(strapi.contentTypes)
    .filter((ct) => ct.uid.startsWith('api::') && ct.options?.draftAndPublish === true)
    .map((ct) => ct.uid);
}

const camel = (kebab: string) => kebab.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** `api::job-sheet.job-sheet` → `jobSheet`. */
export function contentTypeName(strapi: Core.Strapi, uid: string): string {
  return camel(strapi.contentType(uid as UID.ContentType).info.singularName);
}

/** `JobSheet` (a GraphQL __typename) → `jobSheet`. */
export function typenameToName(typename: string): string {
  return typename.charAt(0).toLowerCase() + typename.slice(1);
}
