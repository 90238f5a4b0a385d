import type { LocaleCode } from '../i18n/locales';
import { FIELDS } from '../editors/fields';

type Texts = Record<'download' | 'error' | 'list' | 'summary' | 'title', string>;

/** Texts of the admin customisations (src/admin/), in every locale. */
const texts: Record<LocaleCode, Texts> = {
  en: {
    download: 'Download as CSV',
    error: 'The export failed. Check that you may read registrations.',
    list: 'See the registrations',
    summary: '{confirmed} confirmed, {waitlisted} on the waiting list, {placesLeft} of {capacity} places left.',
    title: 'Registrations',
  },
  fr: {
    download: 'Télécharger en CSV',
    error: "L'export a échoué. Vérifiez que vous avez le droit de lire les inscriptions.",
    list: 'Voir les inscriptions',
    summary: "{confirmed} confirmées, {waitlisted} en liste d'attente, {placesLeft} places libres sur {capacity}.",
    title: 'Inscriptions',
  },
  it: {
    download: 'Scarica in CSV',
    error: "L'esportazione non è riuscita. Verificate di avere il permesso di leggere le iscrizioni.",
    list: 'Vedi le iscrizioni',
    summary: "{confirmed} confermate, {waitlisted} in lista d'attesa, {placesLeft} posti liberi su {capacity}.",
    title: 'Iscrizioni',
  },
  es: {
    download: 'Descargar en CSV',
    error: 'La exportación ha fallado. Comprueba que tienes permiso para leer las inscripciones.',
    list: 'Ver las inscripciones',
    summary: '{confirmed} confirmadas, {waitlisted} en lista de espera, {placesLeft} plazas libres de {capacity}.',
    title: 'Inscripciones',
  },
};

/** The translation status page (src/admin/translation-status-page.tsx). */
const status: Record<LocaleCode, Record<string, string>> = {
  en: {
    all: 'All',
    entry: 'Entry',
    'filter.locale': 'Language',
    'filter.state': 'State',
    'filter.type': 'Type',
    guide: "Editors' guide",
    'state.draft': 'Draft',
    'state.missing': 'Missing',
    'state.modified': 'Modified',
    'state.outdated': 'Outdated',
    'state.published': 'Published',
    subtitle: 'Every entry in every language. Outdated: the source changed after the translation was saved.',
    title: 'Translation status',
    'widget.line': '{type}: {missing} missing, {outdated} outdated, {draft} drafts',
    'widget.none': 'Nothing to translate.',
    'widget.title': 'To translate',
  },
  fr: {
    all: 'Tous',
    entry: 'Contenu',
    'filter.locale': 'Langue',
    'filter.state': 'État',
    'filter.type': 'Type',
    guide: 'Guide des éditeurs',
    'state.draft': 'Brouillon',
    'state.missing': 'Manquante',
    'state.modified': 'Modifiée',
    'state.outdated': 'À mettre à jour',
    'state.published': 'Publiée',
    subtitle:
      "Chaque contenu dans chaque langue. À mettre à jour : la source a changé depuis l'enregistrement de la traduction.",
    title: 'État des traductions',
    'widget.line': '{type} : {missing} manquantes, {outdated} à mettre à jour, {draft} brouillons',
    'widget.none': 'Rien à traduire.',
    'widget.title': 'À traduire',
  },
  it: {
    all: 'Tutti',
    entry: 'Contenuto',
    'filter.locale': 'Lingua',
    'filter.state': 'Stato',
    'filter.type': 'Tipo',
    guide: 'Guida per i redattori',
    'state.draft': 'Bozza',
    'state.missing': 'Mancante',
    'state.modified': 'Modificata',
    'state.outdated': 'Da aggiornare',
    'state.published': 'Pubblicata',
    subtitle: 'Ogni contenuto in ogni lingua. Da aggiornare: la fonte è cambiata dopo il salvataggio della traduzione.',
    title: 'Stato delle traduzioni',
    'widget.line': '{type}: {missing} mancanti, {outdated} da aggiornare, {draft} bozze',
    'widget.none': 'Niente da tradurre.',
    'widget.title': 'Da tradurre',
  },
  es: {
    all: 'Todos',
    entry: 'Contenido',
    'filter.locale': 'Idioma',
    'filter.state': 'Estado',
    'filter.type': 'Tipo',
    guide: 'Guía para editores',
    'state.draft': 'Borrador',
    'state.missing': 'Falta',
    'state.modified': 'Modificada',
    'state.outdated': 'Desactualizada',
    'state.published': 'Publicada',
    subtitle: 'Cada contenido en cada idioma. Desactualizada: la fuente cambió después de guardar la traducción.',
    title: 'Estado de las traducciones',
    'widget.line': '{type}: {missing} faltan, {outdated} desactualizadas, {draft} borradores',
    'widget.none': 'Nada por traducir.',
    'widget.title': 'Por traducir',
  },
};

/** The Atlas import page (src/admin/atlas-import-page.tsx). */
const atlasImport: Record<LocaleCode, Record<string, string>> = {
  en: {
    check: 'Check the file',
    close: 'Close',
    'column.changes': 'Changes',
    'column.message': 'Why',
    'column.name': 'Organisation',
    'column.row': 'Row',
    'column.state': 'Result',
    confirm: '{count, plural, one {Import # row} other {Import # rows}}',
    counts: '{create} to create, {update} to update, {unchanged} unchanged, {error} with errors.',
    done: 'Imported',
    download: 'Download the report (CSV)',
    'errors.skipped': 'Rows with errors are not imported: correct them in the file and check it again.',
    failed: 'The file could not be checked. Try again.',
    file: 'File (CSV or XLSX)',
    'file.hint': 'The columns of the Atlas export (atlas.csv on the open-data page).',
    locale: 'Language of the descriptions',
    'locale.hint': 'Names, kinds, countries, websites… are the same in every language.',
    planned: 'Check: nothing is written yet',
    publish: 'Publish them (else they are drafts)',
    refused: 'Refused',
    'state.create': 'Create',
    'state.error': 'Error',
    'state.unchanged': 'Unchanged',
    'state.update': 'Update',
    subtitle: 'Add or update Atlas organisations from a spreadsheet. Check first; then import as drafts.',
    title: 'Import organisations',
  },
  fr: {
    check: 'Vérifier le fichier',
    close: 'Fermer',
    'column.changes': 'Modifications',
    'column.message': 'Pourquoi',
    'column.name': 'Organisation',
    'column.row': 'Ligne',
    'column.state': 'Résultat',
    confirm: '{count, plural, one {Importer # ligne} other {Importer # lignes}}',
    counts: '{create} à créer, {update} à mettre à jour, {unchanged} inchangées, {error} en erreur.',
    done: 'Importé',
    download: 'Télécharger le rapport (CSV)',
    'errors.skipped':
      'Les lignes en erreur ne sont pas importées : corrigez-les dans le fichier et vérifiez-le à nouveau.',
    failed: "Le fichier n'a pas pu être vérifié. Réessayez.",
    file: 'Fichier (CSV ou XLSX)',
    'file.hint': "Les colonnes de l'export de l'Atlas (atlas.csv sur la page des données ouvertes).",
    locale: 'Langue des descriptions',
    'locale.hint': 'Noms, types, pays, sites web… sont les mêmes dans toutes les langues.',
    planned: "Vérification : rien n'est encore écrit",
    publish: 'Les publier (sinon ce sont des brouillons)',
    refused: 'Refusé',
    'state.create': 'Création',
    'state.error': 'Erreur',
    'state.unchanged': 'Inchangée',
    'state.update': 'Mise à jour',
    subtitle:
      "Ajouter ou mettre à jour des organisations de l'Atlas depuis un tableur. Vérifiez d'abord, puis importez en brouillon.",
    title: 'Importer des organisations',
  },
  it: {
    check: 'Verifica il file',
    close: 'Chiudi',
    'column.changes': 'Modifiche',
    'column.message': 'Perché',
    'column.name': 'Organizzazione',
    'column.row': 'Riga',
    'column.state': 'Esito',
    confirm: '{count, plural, one {Importa # riga} other {Importa # righe}}',
    counts: '{create} da creare, {update} da aggiornare, {unchanged} invariate, {error} con errori.',
    done: 'Importato',
    download: 'Scarica il resoconto (CSV)',
    'errors.skipped': 'Le righe con errori non vengono importate: correggetele nel file e verificatelo di nuovo.',
    failed: 'Impossibile verificare il file. Riprovate.',
    file: 'File (CSV o XLSX)',
    'file.hint': "Le colonne dell'esportazione dell'Atlante (atlas.csv nella pagina dei dati aperti).",
    locale: 'Lingua delle descrizioni',
    'locale.hint': 'Nomi, tipi, paesi, siti web… sono gli stessi in tutte le lingue.',
    planned: 'Verifica: non è ancora scritto nulla',
    publish: 'Pubblicale (altrimenti sono bozze)',
    refused: 'Rifiutato',
    'state.create': 'Creazione',
    'state.error': 'Errore',
    'state.unchanged': 'Invariata',
    'state.update': 'Aggiornamento',
    subtitle:
      "Aggiungete o aggiornate organizzazioni dell'Atlante da un foglio di calcolo. Prima verificate, poi importate come bozze.",
    title: 'Importa organizzazioni',
  },
  es: {
    check: 'Comprobar el archivo',
    close: 'Cerrar',
    'column.changes': 'Cambios',
    'column.message': 'Por qué',
    'column.name': 'Organización',
    'column.row': 'Fila',
    'column.state': 'Resultado',
    confirm: '{count, plural, one {Importar # fila} other {Importar # filas}}',
    counts: '{create} por crear, {update} por actualizar, {unchanged} sin cambios, {error} con errores.',
    done: 'Importado',
    download: 'Descargar el informe (CSV)',
    'errors.skipped': 'Las filas con errores no se importan: corrígelas en el archivo y vuelve a comprobarlo.',
    failed: 'No se ha podido comprobar el archivo. Inténtalo de nuevo.',
    file: 'Archivo (CSV o XLSX)',
    'file.hint': 'Las columnas de la exportación del Atlas (atlas.csv en la página de datos abiertos).',
    locale: 'Idioma de las descripciones',
    'locale.hint': 'Nombres, tipos, países, sitios web… son los mismos en todos los idiomas.',
    planned: 'Comprobación: todavía no se ha escrito nada',
    publish: 'Publicarlas (si no, son borradores)',
    refused: 'Rechazado',
    'state.create': 'Creación',
    'state.error': 'Error',
    'state.unchanged': 'Sin cambios',
    'state.update': 'Actualización',
    subtitle:
      'Añade o actualiza organizaciones del Atlas desde una hoja de cálculo. Primero comprueba; luego importa como borradores.',
    title: 'Importar organizaciones',
  },
};

/** The home widget of organisations proposed through the site's form (submissions-widget.tsx). */
const submissions: Record<LocaleCode, Record<'empty' | 'line' | 'title', string>> = {
  en: {
    empty: 'No organisation waiting for review.',
    line: '{name} ({locale}), proposed on {date}',
    title: 'Organisations to review',
  },
  fr: {
    empty: 'Aucune organisation en attente de relecture.',
    line: '{name} ({locale}), proposée le {date}',
    title: 'Organisations à relire',
  },
  it: {
    empty: 'Nessuna organizzazione in attesa di verifica.',
    line: '{name} ({locale}), proposta il {date}',
    title: 'Organizzazioni da verificare',
  },
  es: {
    empty: 'Ninguna organización pendiente de revisión.',
    line: '{name} ({locale}), propuesta el {date}',
    title: 'Organizaciones por revisar',
  },
};

/** The editors' home widgets (src/admin/home-widgets.tsx) and the custom fields' names. */
const home: Record<LocaleCode, Record<string, string>> = {
  en: {
    'drafts.empty': 'No drafts of yours waiting.',
    'drafts.title': 'My drafts',
    error: 'Could not load.',
    'published.empty': 'Nothing published yet.',
    'published.title': 'Recently published',
    'registrations.latest': 'Latest registrants',
    'registrations.private': "Registrants' names are shown only to the registrations manager.",
    'registrations.title': 'Registrations this week',
    'registrations.total': '{count, plural, one {# registration} other {# registrations}} in the last 7 days',
  },
  fr: {
    'drafts.empty': 'Aucun de vos brouillons en attente.',
    'drafts.title': 'Mes brouillons',
    error: 'Chargement impossible.',
    'published.empty': 'Rien de publié pour le moment.',
    'published.title': 'Publiés récemment',
    'registrations.latest': 'Dernières personnes inscrites',
    'registrations.private': 'Les noms des personnes inscrites ne sont montrés qu’au rôle gestion des inscriptions.',
    'registrations.title': 'Inscriptions de la semaine',
    'registrations.total': '{count, plural, one {# inscription} other {# inscriptions}} ces 7 derniers jours',
  },
  it: {
    'drafts.empty': 'Nessuna vostra bozza in attesa.',
    'drafts.title': 'Le mie bozze',
    error: 'Caricamento non riuscito.',
    'published.empty': 'Ancora niente di pubblicato.',
    'published.title': 'Pubblicati di recente',
    'registrations.latest': 'Ultime persone iscritte',
    'registrations.private': 'I nomi delle persone iscritte sono mostrati solo al ruolo gestione delle iscrizioni.',
    'registrations.title': 'Iscrizioni della settimana',
    'registrations.total': '{count, plural, one {# iscrizione} other {# iscrizioni}} negli ultimi 7 giorni',
  },
  es: {
    'drafts.empty': 'Ningún borrador tuyo pendiente.',
    'drafts.title': 'Mis borradores',
    error: 'No se pudo cargar.',
    'published.empty': 'Aún no hay nada publicado.',
    'published.title': 'Publicados recientemente',
    'registrations.latest': 'Últimas personas inscritas',
    'registrations.private':
      'Los nombres de las personas inscritas solo se muestran al rol de gestión de inscripciones.',
    'registrations.title': 'Inscripciones de la semana',
    'registrations.total': '{count, plural, one {# inscripción} other {# inscripciones}} en los últimos 7 días',
  },
};

const fields: Record<LocaleCode, Record<string, string>> = {
  en: {
    country: 'Country',
    'country.description': 'A country from the list',
    roles: 'Roles of an organisation',
    'roles.description': 'Roles ticked from a list',
  },
  fr: {
    country: 'Pays',
    'country.description': 'Un pays de la liste',
    roles: "Rôles d'une organisation",
    'roles.description': 'Rôles cochés dans une liste',
  },
  it: {
    country: 'Paese',
    'country.description': "Un paese dall'elenco",
    roles: "Ruoli di un'organizzazione",
    'roles.description': 'Ruoli spuntati da un elenco',
  },
  es: {
    country: 'País',
    'country.description': 'Un país de la lista',
    roles: 'Funciones de una organización',
    'roles.description': 'Funciones marcadas en una lista',
  },
};

/**
 * The list view's column headers: the content manager looks them up as
 * `content-manager.content-types.<uid>.<field>` (src/editors/fields.ts holds the labels).
 */
const listHeaders = (locale: LocaleCode) =>
  Object.fromEntries(
    Object.entries(FIELDS)
      .filter(([uid]) => uid.includes('::'))
      .flatMap(([uid, fields]) =>
        Object.entries(fields).map(([name, texts]) => [
          `content-manager.content-types.${uid}.${name}`,
          texts.label[locale],
        ]),
      ),
  );

const prefixed = (prefix: string, messages: Record<string, string>) =>
  Object.fromEntries(Object.entries(messages).map(([key, value]) => [`academy.${prefix}.${key}`, value]));

export default Object.fromEntries(
  Object.entries(texts).map(([locale, messages]) => [
    locale,
    {
      ...prefixed('registrations', messages),
      ...prefixed('status', status[locale as LocaleCode]),
      ...prefixed('import', atlasImport[locale as LocaleCode]),
      ...prefixed('submissions', submissions[locale as LocaleCode]),
      ...prefixed('home', home[locale as LocaleCode]),
      ...prefixed('fields', fields[locale as LocaleCode]),
      ...listHeaders(locale as LocaleCode),
    },
  ]),
);
