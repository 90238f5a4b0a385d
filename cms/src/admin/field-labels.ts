import { FIELDS, type FieldTexts } from '../editors/fields';
import { DEFAULT_LOCALE, LOCALE_CODES, type LocaleCode } from '../i18n/locales';

/**
 * Strapi keeps one label, description and placeholder per field (the content manager's
 * configuration, written in English at start by src/editors/layouts.ts). This hook of the edit
 * view swaps in the admin's language (the one chosen in the profile, kept by the admin in
 * localStorage) for every field of the entry and of its components.
 */
const LANGUAGE_KEY = 'strapi-admin-language';

export function adminLanguage(): LocaleCode {
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(LANGUAGE_KEY);
  } catch {
    stored = null;
  }
  const code = (stored ?? navigator.language ?? DEFAULT_LOCALE).slice(0, 2) as LocaleCode;
  return LOCALE_CODES.includes(code) ? code : DEFAULT_LOCALE;
}

interface Field {
  name: string;
  label?: string;
  hint?: unknown;
  placeholder?: string;
  [key: string]: unknown;
}
interface EditLayout {
  layout: Field[][][];
  components: Record<string, { layout: Field[][]; [key: string]: unknown }>;
  [key: string]: unknown;
}

function translate(field: Field, texts: Record<string, FieldTexts> | undefined, language: LocaleCode): Field {
  const own = texts?.[field.name];
  if (!own) return field;
  return {
    ...field,
    label: own.label[language],
    ...(own.description ? { hint: own.description[language] } : {}),
    ...(own.placeholder ? { placeholder: own.placeholder[language] } : {}),
  };
}

export function translateEditLayout({ layout, ...rest }: { layout: EditLayout; [key: string]: unknown }) {
  const language = adminLanguage();
  // The hook is not told the model: the edit view's address holds it.
  const model = /\/(?:collection|single)-types\/([^/?#]+)/.exec(window.location.pathname)?.[1];
  const components = Object.fromEntries(
    Object.entries(layout.components ?? {}).map(([uid, component]) => [
      uid,
      { ...component, layout: component.layout.map((row) => row.map((f) => translate(f, FIELDS[uid], language))) },
    ]),
  );
  return {
    ...rest,
    layout: {
      ...layout,
      components,
      layout: layout.layout.map((panel) =>
        panel.map((row) => row.map((f) => translate(f, model ? FIELDS[model] : undefined, language))),
      ),
    },
  };
}
