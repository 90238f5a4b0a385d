import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { FIELDS, LAYOUTS, type FieldTexts } from './fields';
import { ALT_SUFFIX, DECORATIVE_SUFFIX } from './alt-text';

/**
 * Writes the editors' labels, descriptions, placeholders (in English, see fields.ts), main fields
 * and list columns into the content manager's configuration of every content type and component.
 * Applied once per version of those texts (a hash of them), so a change here reaches every
 * database at its next start, while what an admin rearranges by hand in "Configure the view"
 * lasts until then.
 */
const STORE = { type: 'plugin' as const, name: 'academy', key: 'editors-layout' };

interface Metadata {
  edit?: Record<string, unknown>;
  list?: Record<string, unknown>;
}
interface Configuration {
  settings: Record<string, unknown>;
  metadatas: Record<string, Metadata>;
  layouts: { list: string[]; edit: unknown };
}
interface ConfigurationService {
  findConfiguration(model: unknown): Promise<Configuration>;
  updateConfiguration(model: unknown, configuration: Partial<Configuration>): Promise<unknown>;
}

export const layoutVersion = () =>
  crypto.createHash('sha256').update(JSON.stringify({ FIELDS, LAYOUTS })).digest('hex').slice(0, 16);

function withTexts(metadatas: Record<string, Metadata>, fields: Record<string, FieldTexts>) {
  const next = { ...metadatas };
  for (const [name, texts] of Object.entries(fields)) {
    if (!next[name]) continue;
    const edit: Record<string, unknown> = { ...next[name].edit, label: texts.label.en };
    if (texts.description) edit.description = texts.description.en;
    if (texts.placeholder) edit.placeholder = texts.placeholder.en;
    next[name] = { ...next[name], edit, list: next[name].list && { ...next[name].list, label: texts.label.en } };
  }
  return next;
}

type EditRow = Array<{ name: string; size: number }>;

/** An image's alt text and decorative mark on the row just below it (not at the end of the form). */
export function altTextsBesideImages(edit: EditRow[], attributes: Record<string, { type: string }>): EditRow[] {
  let rows = edit;
  for (const [image, attribute] of Object.entries(attributes)) {
    const companions = [`${image}${ALT_SUFFIX}`, `${image}${DECORATIVE_SUFFIX}`].filter((n) => attributes[n]);
    if (attribute.type !== 'media' || !companions.length) continue;
    const others = rows.map((row) => row.filter((f) => !companions.includes(f.name))).filter((row) => row.length);
    const at = others.findIndex((row) => row.some((f) => f.name === image));
    if (at === -1) continue;
    const row = companions.map((name) => ({ name, size: 12 / companions.length }));
    rows = [...others.slice(0, at + 1), row, ...others.slice(at + 1)];
  }
  return rows;
}

export async function configureEditorsLayouts(strapi: Core.Strapi) {
  const store = strapi.store(STORE);
  const version = layoutVersion();
  const applied = (await store.get({ key: STORE.key })) as { version?: string } | null;
  if (applied?.version === version) return;
  const contentManager = strapi.plugin('content-manager');
  for (const uid of new Set([...Object.keys(FIELDS), ...Object.keys(LAYOUTS)])) {
    const isComponent = !uid.includes('::');
    const model = isComponent
      ? strapi.components[uid as keyof typeof strapi.components]
      : strapi.contentType(uid as never);
    if (!model) throw new Error(`Editors' layout: no content type or component "${uid}"`);
    const service = contentManager.service(
      isComponent ? 'components' : 'content-types',
    ) as unknown as ConfigurationService;
    const current = await service.findConfiguration(model);
    const layout = LAYOUTS[uid] ?? {};
    const settings = layout.mainField ? { ...current.settings, mainField: layout.mainField } : current.settings;
    const attributes = (model as unknown as { attributes: Record<string, { type: string; target?: string }> })
      .attributes;
    const layouts = {
      ...current.layouts,
      ...(layout.list ? { list: layout.list } : {}),
      edit: Array.isArray(current.layouts.edit)
        ? altTextsBesideImages(current.layouts.edit as EditRow[], attributes)
        : current.layouts.edit,
    };
    const metadatas = withTexts(current.metadatas, FIELDS[uid] ?? {});
    // A relation's picker shows and searches the target's main field (a competence by its name).
    for (const [name, attribute] of Object.entries(attributes)) {
      const targetMain = attribute.type === 'relation' && attribute.target && LAYOUTS[attribute.target]?.mainField;
      if (targetMain && metadatas[name])
        metadatas[name] = { ...metadatas[name], edit: { ...metadatas[name].edit, mainField: targetMain } };
    }
    for (const name of layout.readOnly ?? [])
      if (metadatas[name]) metadatas[name] = { ...metadatas[name], edit: { ...metadatas[name].edit, editable: false } };
    await service.updateConfiguration(model, { settings, metadatas, layouts });
  }
  await store.set({ key: STORE.key, value: { version, at: new Date().toISOString() } });
}
