import type { LocaleCode } from '../i18n/locales';

/**
 * The academy's open data: what is published, under which licence, at which address. One table,
 * read by the exports (src/open-data/exports.ts), the DCAT-AP catalogue and the site's open-data
 * page (through the catalogue). Licence decision: docs/decisions/0004-atlas-licence.md.
 */
export const LICENCES = {
  'CC-BY-4.0': {
    id: 'CC-BY-4.0',
    name: 'Creative Commons Attribution 4.0 International',
    url: 'https://creativecommons.org/licenses/by/4.0/',
  },
  'CC-BY-SA-4.0': {
    id: 'CC-BY-SA-4.0',
    name: 'Creative Commons Attribution-ShareAlike 4.0 International',
    url: 'https://creativecommons.org/licenses/by-sa/4.0/',
  },
} as const;
export type LicenceId = keyof typeof LICENCES;

export const PUBLISHER = 'Social Tech Academy';
export const ATTRIBUTION = 'Social Tech Academy – Social Tech Atlas';

/** Localized site paths the exports link to (DESIGN.md's table). */
export const SITE_PATHS: Record<
  'organisations' | 'trainings' | 'modules' | 'jobs' | 'openData',
  Record<LocaleCode, string>
> = {
  organisations: { fr: 'atlas', en: 'atlas', it: 'atlante', es: 'atlas' },
  trainings: { fr: 'formations', en: 'trainings', it: 'formazioni', es: 'formaciones' },
  modules: { fr: 'modules', en: 'modules', it: 'moduli', es: 'modulos' },
  jobs: { fr: 'metiers', en: 'jobs', it: 'professioni', es: 'profesiones' },
  openData: { fr: 'donnees-ouvertes', en: 'open-data', it: 'dati-aperti', es: 'datos-abiertos' },
};

export interface Distribution {
  /** The file name under /open-data/<locale>/ (and the CMS's /api/open-data/<locale>/). */
  file: string;
  mediaType: string;
  format: string;
}

export interface Dataset {
  id: 'atlas' | 'trainings' | 'modules' | 'job-sheets' | 'competences';
  licence: LicenceId;
  title: Record<LocaleCode, string>;
  description: Record<LocaleCode, string>;
  distributions: Distribution[];
  /** A schema describing a distribution (the Atlas CSV's TableSchema). */
  schema?: string;
}

export const DATASETS: Dataset[] = [
  {
    id: 'atlas',
    licence: 'CC-BY-4.0',
    title: {
      en: 'Social Tech Atlas: organisations of the social economy',
      fr: "Social Tech Atlas : organisations de l'économie sociale",
      it: "Social Tech Atlas: organizzazioni dell'economia sociale",
      es: 'Social Tech Atlas: organizaciones de la economía social',
    },
    description: {
      en: 'The published organisations of the Atlas: kind, roles, services, country, city and coordinates at the city centre. Identifiers are stable (documentId).',
      fr: "Les organisations publiées de l'Atlas : type, rôles, services, pays, ville et coordonnées du centre-ville. Les identifiants sont stables (documentId).",
      it: "Le organizzazioni pubblicate dell'Atlante: tipo, ruoli, servizi, paese, città e coordinate del centro città. Gli identificativi sono stabili (documentId).",
      es: 'Las organizaciones publicadas del Atlas: tipo, funciones, servicios, país, ciudad y coordenadas del centro de la ciudad. Los identificadores son estables (documentId).',
    },
    distributions: [
      { file: 'atlas.csv', mediaType: 'text/csv', format: 'CSV' },
      { file: 'atlas.json', mediaType: 'application/json', format: 'JSON' },
      { file: 'atlas.geojson', mediaType: 'application/geo+json', format: 'GeoJSON' },
    ],
    schema: 'atlas.schema.json',
  },
  {
    id: 'trainings',
    licence: 'CC-BY-4.0',
    title: {
      en: 'Training sessions calendar',
      fr: 'Calendrier des sessions de formation',
      it: 'Calendario delle sessioni di formazione',
      es: 'Calendario de las sesiones de formación',
    },
    description: {
      en: 'Every published training session as an iCalendar feed: subscribe to it, it follows the changes.',
      fr: 'Toutes les sessions de formation publiées en flux iCalendar : abonnez-vous, il suit les changements.',
      it: 'Tutte le sessioni di formazione pubblicate come feed iCalendar: iscriviti, segue le modifiche.',
      es: 'Todas las sesiones de formación publicadas como feed iCalendar: suscríbete, sigue los cambios.',
    },
    distributions: [{ file: 'trainings.ics', mediaType: 'text/calendar', format: 'ICAL' }],
  },
  {
    id: 'modules',
    licence: 'CC-BY-SA-4.0',
    title: { en: 'Training modules', fr: 'Modules de formation', it: 'Moduli formativi', es: 'Módulos de formación' },
    description: {
      en: 'The training modules with their theory, practical case and reference model, and their theme, audiences, competences, authors and job sheets by documentId.',
      fr: 'Les modules de formation avec leur théorie, cas pratique et modèle de référence, et leur thème, publics, compétences, auteurs et fiches métiers par documentId.',
      it: 'I moduli formativi con teoria, caso pratico e modello di riferimento, e tema, destinatari, competenze, autori e schede professionali per documentId.',
      es: 'Los módulos de formación con su teoría, caso práctico y modelo de referencia, y su tema, públicos, competencias, autores y fichas de profesiones por documentId.',
    },
    distributions: [{ file: 'modules.json', mediaType: 'application/json', format: 'JSON' }],
  },
  {
    id: 'job-sheets',
    licence: 'CC-BY-SA-4.0',
    title: { en: 'Job sheets', fr: 'Fiches métiers', it: 'Schede professionali', es: 'Fichas de profesiones' },
    description: {
      en: 'The Jobpedia: missions, skills, ESCO and ISCO codes, and competences, modules and related jobs by documentId.',
      fr: 'La Jobpedia : missions, compétences, codes ESCO et CITP, et compétences, modules et métiers liés par documentId.',
      it: 'La Jobpedia: missioni, competenze, codici ESCO e ISCO, e competenze, moduli e professioni collegate per documentId.',
      es: 'La Jobpedia: misiones, habilidades, códigos ESCO y CIUO, y competencias, módulos y profesiones relacionadas por documentId.',
    },
    distributions: [{ file: 'job-sheets.json', mediaType: 'application/json', format: 'JSON' }],
  },
  {
    id: 'competences',
    licence: 'CC-BY-SA-4.0',
    title: {
      en: 'DigComp 2.2 competences',
      fr: 'Compétences DigComp 2.2',
      it: 'Competenze DigComp 2.2',
      es: 'Competencias DigComp 2.2',
    },
    description: {
      en: 'The 21 DigComp 2.2 competences with the modules and job sheets that work on them, by documentId.',
      fr: 'Les 21 compétences DigComp 2.2 avec les modules et fiches métiers qui les travaillent, par documentId.',
      it: 'Le 21 competenze DigComp 2.2 con i moduli e le schede professionali che le sviluppano, per documentId.',
      es: 'Las 21 competencias DigComp 2.2 con los módulos y fichas de profesiones que las trabajan, por documentId.',
    },
    distributions: [{ file: 'competences.json', mediaType: 'application/json', format: 'JSON' }],
  },
];

/** Every file served under /open-data/<locale>/. */
export const FILES = new Set(
  DATASETS.flatMap((d) => [...d.distributions.map((x) => x.file), ...(d.schema ? [d.schema] : [])]),
);
