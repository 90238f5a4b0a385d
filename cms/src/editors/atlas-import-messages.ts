import type { LocaleCode } from '../i18n/locales';

/**
 * What the Atlas import says about a file and its rows, in the admin's four languages
 * (src/editors/atlas-import.ts). `{name}` is replaced by the value of that name.
 */
type Texts = Record<LocaleCode, string>;
const t = (en: string, fr: string, it: string, es: string): Texts => ({ en, fr, it, es });

export const IMPORT_MESSAGES = {
  // The file as a whole: nothing is read or written.
  unreadable: t(
    'The file could not be read: send a CSV (comma or semicolon separated, UTF-8) or an XLSX file.',
    "Le fichier n'a pas pu être lu : envoyez un fichier CSV (séparé par des virgules ou des points-virgules, UTF-8) ou XLSX.",
    'Impossibile leggere il file: inviate un file CSV (separato da virgole o punti e virgola, UTF-8) o XLSX.',
    'No se ha podido leer el archivo: envía un CSV (separado por comas o puntos y comas, UTF-8) o un XLSX.',
  ),
  empty: t(
    'The file has no organisations under its header row.',
    "Le fichier n'a aucune organisation sous sa ligne d'en-tête.",
    "Il file non contiene organizzazioni sotto la riga d'intestazione.",
    'El archivo no tiene organizaciones bajo su fila de encabezado.',
  ),
  tooMany: t(
    'At most {max} organisations per file: split it.',
    'Au plus {max} organisations par fichier : découpez-le.',
    'Al massimo {max} organizzazioni per file: dividetelo.',
    'Como máximo {max} organizaciones por archivo: divídelo.',
  ),
  unknownColumn: t(
    'Unknown column “{column}”: the columns are those of the Atlas export (atlas.csv): {columns}.',
    "Colonne inconnue « {column} » : les colonnes sont celles de l'export de l'Atlas (atlas.csv) : {columns}.",
    "Colonna sconosciuta «{column}»: le colonne sono quelle dell'esportazione dell'Atlante (atlas.csv): {columns}.",
    'Columna desconocida «{column}»: las columnas son las de la exportación del Atlas (atlas.csv): {columns}.',
  ),
  missingColumn: t(
    'The column “{column}” is missing (needed for every organisation).',
    'La colonne « {column} » manque (nécessaire pour chaque organisation).',
    'Manca la colonna «{column}» (necessaria per ogni organizzazione).',
    'Falta la columna «{column}» (necesaria para cada organización).',
  ),
  duplicateColumn: t(
    'The column “{column}” appears twice.',
    'La colonne « {column} » apparaît deux fois.',
    'La colonna «{column}» compare due volte.',
    'La columna «{column}» aparece dos veces.',
  ),
  badLocale: t(
    'Choose the language of the descriptions: {locales}.',
    'Choisissez la langue des descriptions : {locales}.',
    'Scegliete la lingua delle descrizioni: {locales}.',
    'Elige el idioma de las descripciones: {locales}.',
  ),
  noFile: t('Choose a file.', 'Choisissez un fichier.', 'Scegliete un file.', 'Elige un archivo.'),
  mayNotImport: t(
    'You may not create organisations in the “{locale}” language: importing needs that right.',
    'Vous ne pouvez pas créer d’organisations en « {locale} » : l’import demande ce droit.',
    'Non potete creare organizzazioni in «{locale}»: l’importazione richiede questo permesso.',
    'No puedes crear organizaciones en «{locale}»: la importación requiere ese permiso.',
  ),
  mayNotPublish: t(
    'You may not publish organisations in the “{locale}” language: import them as drafts.',
    'Vous ne pouvez pas publier d’organisations en « {locale} » : importez-les en brouillon.',
    'Non potete pubblicare organizzazioni in «{locale}»: importatele come bozze.',
    'No puedes publicar organizaciones en «{locale}»: impórtalas como borradores.',
  ),

  // One row: that row only is skipped.
  required: t('{column}: required.', '{column} : obligatoire.', '{column}: obbligatorio.', '{column}: obligatorio.'),
  tooLong: t(
    '{column}: at most {max} characters ({length} given).',
    '{column} : au plus {max} caractères ({length} donnés).',
    '{column}: al massimo {max} caratteri ({length} indicati).',
    '{column}: como máximo {max} caracteres ({length} dados).',
  ),
  notInList: t(
    '{column}: “{value}” is not one of {allowed}.',
    '{column} : « {value} » n’est pas parmi {allowed}.',
    '{column}: «{value}» non è tra {allowed}.',
    '{column}: «{value}» no es uno de {allowed}.',
  ),
  country: t(
    'country: “{value}” is not a country code (ISO 3166-1, two letters: FR, BE, IT, ES…).',
    'country : « {value} » n’est pas un code de pays (ISO 3166-1, deux lettres : FR, BE, IT, ES…).',
    'country: «{value}» non è un codice di paese (ISO 3166-1, due lettere: FR, BE, IT, ES…).',
    'country: «{value}» no es un código de país (ISO 3166-1, dos letras: FR, BE, IT, ES…).',
  ),
  url: t(
    '{column}: “{value}” is not a web address (https://…).',
    '{column} : « {value} » n’est pas une adresse web (https://…).',
    '{column}: «{value}» non è un indirizzo web (https://…).',
    '{column}: «{value}» no es una dirección web (https://…).',
  ),
  number: t(
    '{column}: “{value}” is not a number from {min} to {max}.',
    '{column} : « {value} » n’est pas un nombre de {min} à {max}.',
    '{column}: «{value}» non è un numero da {min} a {max}.',
    '{column}: «{value}» no es un número de {min} a {max}.',
  ),
  integer: t(
    '{column}: “{value}” is not a whole number from {min} to {max}.',
    '{column} : « {value} » n’est pas un nombre entier de {min} à {max}.',
    '{column}: «{value}» non è un numero intero da {min} a {max}.',
    '{column}: «{value}» no es un número entero de {min} a {max}.',
  ),
  boolean: t(
    '{column}: “{value}” is not true or false.',
    '{column} : « {value} » n’est ni true ni false.',
    '{column}: «{value}» non è né true né false.',
    '{column}: «{value}» no es ni true ni false.',
  ),
  slug: t(
    'slug: “{value}” may hold only lower-case letters, digits and hyphens.',
    'slug : « {value} » ne peut contenir que des minuscules, des chiffres et des tirets.',
    'slug: «{value}» può contenere solo lettere minuscole, cifre e trattini.',
    'slug: «{value}» solo puede contener minúsculas, cifras y guiones.',
  ),
  theme: t(
    'services: no theme “{value}” in this language (the themes’ ids, separated by “;”).',
    'services : aucun thème « {value} » dans cette langue (les identifiants des thèmes, séparés par « ; »).',
    'services: nessun tema «{value}» in questa lingua (gli identificativi dei temi, separati da «;»).',
    'services: ningún tema «{value}» en este idioma (los identificadores de los temas, separados por «;»).',
  ),
  sameAsRow: t(
    'The same organisation as row {row}: one row per organisation.',
    'La même organisation que la ligne {row} : une ligne par organisation.',
    'La stessa organizzazione della riga {row}: una riga per organizzazione.',
    'La misma organización que la fila {row}: una fila por organización.',
  ),
  websiteOfOther: t(
    'website: already the website of “{slug}”.',
    'website : déjà le site de « {slug} ».',
    'website: è già il sito di «{slug}».',
    'website: ya es el sitio de «{slug}».',
  ),
  websiteOtherSlug: t(
    'This website is the one of “{slug}”: leave the slug empty, or write “{slug}”, to update it.',
    'Ce site est celui de « {slug} » : laissez le slug vide, ou écrivez « {slug} », pour la mettre à jour.',
    'Questo sito è quello di «{slug}»: lasciate vuoto lo slug, o scrivete «{slug}», per aggiornarla.',
    'Este sitio es el de «{slug}»: deja el slug vacío, o escribe «{slug}», para actualizarla.',
  ),
  ambiguousName: t(
    '{count} organisations have this name: write the slug of the one to update.',
    '{count} organisations portent ce nom : écrivez le slug de celle à mettre à jour.',
    '{count} organizzazioni hanno questo nome: scrivete lo slug di quella da aggiornare.',
    '{count} organizaciones tienen este nombre: escribe el slug de la que se actualiza.',
  ),
  newLocale: t(
    'Adds the {locale} version.',
    'Ajoute la version {locale}.',
    'Aggiunge la versione {locale}.',
    'Añade la versión {locale}.',
  ),
  rolledBack: t(
    'Not written: its batch of {size} rows was cancelled, row {row} failed ({reason}).',
    'Non écrite : son lot de {size} lignes a été annulé, la ligne {row} a échoué ({reason}).',
    'Non scritta: il suo lotto di {size} righe è stato annullato, la riga {row} non è riuscita ({reason}).',
    'No escrita: su lote de {size} filas se canceló, la fila {row} falló ({reason}).',
  ),
} satisfies Record<string, Texts>;

export type ImportMessageCode = keyof typeof IMPORT_MESSAGES;

export function importMessage(
  code: ImportMessageCode,
  language: LocaleCode,
  values: Record<string, string | number> = {},
): string {
  return IMPORT_MESSAGES[code][language].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
