import type { LocaleCode } from '../i18n/locales';

/**
 * What editors read next to every field of every content type and component, in the admin's four
 * languages: the label, a description (the hint under the field) and a placeholder. English is
 * written into the content manager's configuration at start (src/editors/layouts.ts: what the list
 * view and any admin language without a translation show); the admin panel swaps in the admin's
 * language in the edit view (src/admin/field-labels.ts), since Strapi keeps a single label per field.
 */
export type Texts = Record<LocaleCode, string>;
export interface FieldTexts {
  label: Texts;
  description?: Texts;
  placeholder?: Texts;
}

const t = (en: string, fr: string, it: string, es: string): Texts => ({ en, fr, it, es });

// Fields shared by many types.
const TITLE = { label: t('Title', 'Titre', 'Titolo', 'Título') };
const NAME = { label: t('Name', 'Nom', 'Nome', 'Nombre') };
const SLUG = {
  label: t('Address (slug)', 'Adresse (slug)', 'Indirizzo (slug)', 'Dirección (slug)'),
  description: t(
    'The end of the page address. Left empty, it is made from the title in this language.',
    "La fin de l'adresse de la page. Laissée vide, elle est faite à partir du titre dans cette langue.",
    "La parte finale dell'indirizzo della pagina. Se vuota, viene creata dal titolo in questa lingua.",
    'El final de la dirección de la página. Si se deja vacía, se crea a partir del título en este idioma.',
  ),
};
const SUMMARY = {
  label: t('Summary', 'Résumé', 'Sintesi', 'Resumen'),
  description: t(
    'Two or three sentences shown in lists and search results.',
    'Deux ou trois phrases montrées dans les listes et les résultats de recherche.',
    'Due o tre frasi mostrate negli elenchi e nei risultati di ricerca.',
    'Dos o tres frases que se muestran en las listas y los resultados de búsqueda.',
  ),
};
const DESCRIPTION = { label: t('Description', 'Description', 'Descrizione', 'Descripción') };
const COVER = {
  label: t('Cover image', 'Image de couverture', 'Immagine di copertina', 'Imagen de portada'),
};
/** Beside every image: its alternative text in this language, or "decorative" (src/editors/alt-text.ts). */
const ALT = {
  label: t(
    'Alternative text of the image',
    "Texte alternatif de l'image",
    "Testo alternativo dell'immagine",
    'Texto alternativo de la imagen',
  ),
  description: t(
    'What the image shows, in this language, for people who cannot see it (screen readers read it out). Required to publish, unless the image is marked decorative.',
    "Ce que montre l'image, dans cette langue, pour les personnes qui ne la voient pas (les lecteurs d'écran le lisent). Obligatoire pour publier, sauf si l'image est marquée décorative.",
    "Ciò che mostra l'immagine, in questa lingua, per chi non può vederla (i lettori di schermo lo leggono). Obbligatorio per pubblicare, salvo se l'immagine è segnata come decorativa.",
    'Lo que muestra la imagen, en este idioma, para quienes no pueden verla (los lectores de pantalla lo leen). Obligatorio para publicar, salvo si la imagen está marcada como decorativa.',
  ),
  placeholder: t(
    'For example: three volunteers around a laptop',
    'Par exemple : trois bénévoles autour d’un ordinateur portable',
    'Per esempio: tre volontari intorno a un portatile',
    'Por ejemplo: tres voluntarios alrededor de un portátil',
  ),
};
const DECORATIVE = {
  label: t('Decorative image', 'Image décorative', 'Immagine decorativa', 'Imagen decorativa'),
  description: t(
    'Only when the image adds nothing to the text (an ornament): the site then gives it an empty alternative text and screen readers skip it.',
    "Seulement si l'image n'ajoute rien au texte (un ornement) : le site lui donne alors un texte alternatif vide et les lecteurs d'écran l'ignorent.",
    "Solo se l'immagine non aggiunge nulla al testo (un ornamento): il sito le dà allora un testo alternativo vuoto e i lettori di schermo la saltano.",
    'Solo si la imagen no añade nada al texto (un adorno): la web le da entonces un texto alternativo vacío y los lectores de pantalla la omiten.',
  ),
};
const SEO = {
  label: t(
    'Search engines and sharing',
    'Moteurs de recherche et partage',
    'Motori di ricerca e condivisione',
    'Buscadores y redes sociales',
  ),
};
const COMPETENCES = {
  label: t('DigComp competences', 'Compétences DigComp', 'Competenze DigComp', 'Competencias DigComp'),
};
const AUDIENCES = { label: t('Audiences', 'Publics', 'Destinatari', 'Públicos') };
const COUNTRY = {
  label: t('Country', 'Pays', 'Paese', 'País'),
  description: t(
    'Pick it in the list: type a few letters of its name to find it.',
    'Choisissez-le dans la liste : tapez quelques lettres de son nom pour le trouver.',
    'Sceglietelo nell’elenco: digitate qualche lettera del nome per trovarlo.',
    'Elígelo en la lista: escribe unas letras de su nombre para encontrarlo.',
  ),
};
const URL_PLACEHOLDER = { placeholder: t('https://…', 'https://…', 'https://…', 'https://…') };
const LICENCE = { label: t('Licence', 'Licence', 'Licenza', 'Licencia') };

export const FIELDS: Record<string, Record<string, FieldTexts>> = {
  'api::audience.audience': { name: NAME, slug: SLUG, description: DESCRIPTION },
  'api::theme.theme': { name: NAME, slug: SLUG, description: DESCRIPTION },
  'api::competence.competence': {
    code: {
      label: t('Code', 'Code', 'Codice', 'Código'),
      description: t(
        'DigComp 2.2: 1.1 … 5.4',
        'DigComp 2.2 : 1.1 … 5.4',
        'DigComp 2.2: 1.1 … 5.4',
        'DigComp 2.2: 1.1 … 5.4',
      ),
      placeholder: t('4.2', '4.2', '4.2', '4.2'),
    },
    areaCode: { label: t('Area number', 'Numéro du domaine', 'Numero dell’area', 'Número del área') },
    name: NAME,
    label: {
      label: t('Code and name', 'Code et nom', 'Codice e nome', 'Código y nombre'),
      description: t(
        'Filled in automatically: how the competence reads in lists and pickers.',
        'Rempli automatiquement : ce qu’affichent les listes et les sélecteurs.',
        'Compilato automaticamente: come appare negli elenchi e nei selettori.',
        'Se rellena automáticamente: lo que muestran las listas y los selectores.',
      ),
    },
    slug: SLUG,
    areaName: { label: t('Area', 'Domaine', 'Area', 'Área') },
    description: DESCRIPTION,
    modules: { label: t('Modules', 'Modules', 'Moduli', 'Módulos') },
    jobSheets: { label: t('Job sheets', 'Fiches métier', 'Schede professionali', 'Fichas de empleo') },
  },
  'api::home.home': {
    heroTitle: { label: t('Headline', 'Accroche', 'Titolo principale', 'Titular') },
    heroText: { label: t('Headline text', "Texte d'accroche", 'Testo introduttivo', 'Texto del titular') },
    intro: { label: t('Introduction', 'Introduction', 'Introduzione', 'Introducción') },
    featuredModules: { label: t('Featured modules', 'Modules à la une', 'Moduli in evidenza', 'Módulos destacados') },
    featuredJobSheets: {
      label: t('Featured job sheets', 'Fiches métier à la une', 'Schede in evidenza', 'Fichas destacadas'),
    },
    featuredInterviews: {
      label: t('Featured interviews', 'Entretiens à la une', 'Interviste in evidenza', 'Entrevistas destacadas'),
    },
    seo: SEO,
  },
  'api::interview.interview': {
    title: TITLE,
    slug: SLUG,
    summary: SUMMARY,
    personName: {
      label: t('Person interviewed', 'Personne interviewée', 'Persona intervistata', 'Persona entrevistada'),
      description: t(
        'The same in every language.',
        'Le même dans toutes les langues.',
        'Uguale in tutte le lingue.',
        'El mismo en todos los idiomas.',
      ),
    },
    personRole: { label: t('Their job', 'Son métier', 'Il suo lavoro', 'Su profesión') },
    isSamplePortrait: {
      label: t('Sample portrait', 'Portrait exemple', 'Ritratto di esempio', 'Retrato de ejemplo'),
      description: t(
        'A made-up person, labelled as such on the site.',
        'Une personne imaginaire, signalée comme telle sur le site.',
        'Una persona immaginaria, indicata come tale sul sito.',
        'Una persona ficticia, indicada como tal en el sitio.',
      ),
    },
    organisation: { label: t('Organisation', 'Organisation', 'Organizzazione', 'Organización') },
    jobSheet: { label: t('Job sheet', 'Fiche métier', 'Scheda professionale', 'Ficha de empleo') },
    country: COUNTRY,
    portrait: { label: t('Portrait', 'Portrait', 'Ritratto', 'Retrato') },
    portraitAlt: ALT,
    portraitDecorative: DECORATIVE,
    pullQuote: { label: t('Pull quote', 'Citation mise en avant', 'Citazione in evidenza', 'Cita destacada') },
    body: {
      label: t('Questions and answers', 'Questions et réponses', 'Domande e risposte', 'Preguntas y respuestas'),
    },
    videoUrl: {
      label: t('Video address', 'Adresse de la vidéo', 'Indirizzo del video', 'Dirección del vídeo'),
      ...URL_PLACEHOLDER,
    },
    interviewDate: {
      label: t('Date of the interview', "Date de l'entretien", "Data dell'intervista", 'Fecha de la entrevista'),
    },
    seo: SEO,
  },
  'api::job-offer.job-offer': {
    title: TITLE,
    slug: SLUG,
    summary: SUMMARY,
    description: DESCRIPTION,
    organisation: { label: t('Organisation', 'Organisation', 'Organizzazione', 'Organización') },
    contract: { label: t('Contract', 'Contrat', 'Contratto', 'Contrato') },
    city: { label: t('City', 'Ville', 'Città', 'Ciudad') },
    country: COUNTRY,
    workplace: {
      label: t('Where the work is done', 'Lieu de travail', 'Luogo di lavoro', 'Lugar de trabajo'),
      description: t(
        'On site, hybrid or remote (the same in every language).',
        'Sur place, hybride ou à distance (le même dans toutes les langues).',
        'In sede, ibrido o da remoto (uguale in tutte le lingue).',
        'Presencial, híbrido o en remoto (el mismo en todos los idiomas).',
      ),
    },
    jobSheet: { label: t('Job sheet', 'Fiche métier', 'Scheda professionale', 'Ficha de empleo') },
    competences: COMPETENCES,
    skills: { label: t('Skills', 'Compétences métier', 'Abilità', 'Habilidades') },
    applyUrl: {
      label: t('Application link', 'Lien de candidature', 'Link per candidarsi', 'Enlace de candidatura'),
      description: t(
        'This link, an email address or both: at least one is required to publish.',
        'Ce lien, une adresse e-mail ou les deux : au moins un est obligatoire pour publier.',
        'Questo link, un indirizzo e-mail o entrambi: almeno uno è obbligatorio per pubblicare.',
        'Este enlace, un correo electrónico o ambos: al menos uno es obligatorio para publicar.',
      ),
      ...URL_PLACEHOLDER,
    },
    applyEmail: {
      label: t('Application email', 'E-mail de candidature', 'E-mail per candidarsi', 'Correo de candidatura'),
    },
    publishedUntil: {
      label: t('Open until', "Ouverte jusqu'au", 'Aperta fino al', 'Abierta hasta'),
      description: t(
        'After this moment the offer leaves every list by itself, and its page says it has expired.',
        "Passé ce moment, l'offre quitte d'elle-même toutes les listes et sa page indique qu'elle a expiré.",
        "Dopo questo momento l'offerta esce da sola da tutti gli elenchi e la sua pagina indica che è scaduta.",
        'Pasado este momento, la oferta sale sola de todas las listas y su página indica que ha caducado.',
      ),
    },
    salaryMin: { label: t('Salary from', 'Salaire à partir de', 'Retribuzione da', 'Salario desde') },
    salaryMax: { label: t('Salary up to', "Salaire jusqu'à", 'Retribuzione fino a', 'Salario hasta') },
    salaryCurrency: {
      label: t('Currency', 'Devise', 'Valuta', 'Moneda'),
      placeholder: t('EUR', 'EUR', 'EUR', 'EUR'),
    },
    salaryPeriod: { label: t('Salary per', 'Salaire par', 'Retribuzione per', 'Salario por') },
    seo: SEO,
  },
  'api::job-sheet.job-sheet': {
    title: TITLE,
    jobOffers: { label: t('Job offers', "Offres d'emploi", 'Offerte di lavoro', 'Ofertas de empleo') },
    slug: SLUG,
    summary: SUMMARY,
    missions: { label: t('Missions', 'Missions', 'Compiti', 'Misiones') },
    skills: { label: t('Skills', 'Compétences métier', 'Abilità', 'Habilidades') },
    competences: COMPETENCES,
    accessRoutes: {
      label: t('How to get in', 'Comment y accéder', 'Come accedervi', 'Cómo acceder'),
    },
    workContexts: { label: t('Where they work', 'Contextes de travail', 'Contesti di lavoro', 'Contextos de trabajo') },
    salaryRange: { label: t('Salary range', 'Fourchette de salaire', 'Fascia retributiva', 'Rango salarial') },
    escoUri: {
      label: t('ESCO occupation', 'Métier ESCO', 'Professione ESCO', 'Ocupación ESCO'),
      placeholder: t(
        'http://data.europa.eu/esco/occupation/…',
        'http://data.europa.eu/esco/occupation/…',
        'http://data.europa.eu/esco/occupation/…',
        'http://data.europa.eu/esco/occupation/…',
      ),
    },
    iscoCode: {
      label: t('ISCO code', 'Code CITP (ISCO)', 'Codice ISCO', 'Código CIUO (ISCO)'),
      placeholder: t('2519', '2519', '2519', '2519'),
    },
    relatedJobs: { label: t('Related jobs', 'Métiers proches', 'Professioni vicine', 'Empleos relacionados') },
    modules: { label: t('Modules', 'Modules', 'Moduli', 'Módulos') },
    interviews: { label: t('Interviews', 'Entretiens', 'Interviste', 'Entrevistas') },
    cover: COVER,
    coverAlt: ALT,
    coverDecorative: DECORATIVE,
    seo: SEO,
  },
  'api::module.module': {
    title: TITLE,
    slug: SLUG,
    summary: SUMMARY,
    theme: { label: t('Theme', 'Thème', 'Tema', 'Tema') },
    level: { label: t('Level', 'Niveau', 'Livello', 'Nivel') },
    durationHours: {
      label: t('Duration (hours)', 'Durée (heures)', 'Durata (ore)', 'Duración (horas)'),
      description: t(
        'The same in every language.',
        'La même dans toutes les langues.',
        'Uguale in tutte le lingue.',
        'La misma en todos los idiomas.',
      ),
    },
    audiences: AUDIENCES,
    competences: COMPETENCES,
    theory: { label: t('Theory', 'Théorie', 'Teoria', 'Teoría') },
    practicalCase: { label: t('Practical case', 'Cas pratique', 'Caso pratico', 'Caso práctico') },
    referenceModel: {
      label: t('Reference model', 'Modèle de référence', 'Modello di riferimento', 'Modelo de referencia'),
    },
    toolbox: { label: t('Toolbox', 'Boîte à outils', 'Cassetta degli attrezzi', 'Caja de herramientas') },
    resources: {
      label: t('Resources to download', 'Ressources à télécharger', 'Risorse da scaricare', 'Recursos para descargar'),
    },
    cover: COVER,
    coverAlt: ALT,
    coverDecorative: DECORATIVE,
    authors: { label: t('Authors', 'Auteurs', 'Autori', 'Autores') },
    jobSheets: { label: t('Job sheets', 'Fiches métier', 'Schede professionali', 'Fichas de empleo') },
    licence: LICENCE,
    seo: SEO,
  },
  'api::organisation.organisation': {
    jobOffers: { label: t('Job offers', "Offres d'emploi", 'Offerte di lavoro', 'Ofertas de empleo') },
    name: {
      ...NAME,
      description: t(
        'The same in every language.',
        'Le même dans toutes les langues.',
        'Uguale in tutte le lingue.',
        'El mismo en todos los idiomas.',
      ),
    },
    slug: SLUG,
    description: DESCRIPTION,
    kind: { label: t('Kind of organisation', "Type d'organisation", 'Tipo di organizzazione', 'Tipo de organización') },
    roles: {
      label: t('Roles', 'Rôles', 'Ruoli', 'Funciones'),
      description: t(
        'Tick every role the organisation plays.',
        "Cochez chaque rôle que joue l'organisation.",
        "Spuntate ogni ruolo che svolge l'organizzazione.",
        'Marca cada función que cumple la organización.',
      ),
    },
    services: { label: t('Services (themes)', 'Services (thèmes)', 'Servizi (temi)', 'Servicios (temas)') },
    country: COUNTRY,
    city: { label: t('City', 'Ville', 'Città', 'Ciudad') },
    latitude: {
      label: t('Latitude', 'Latitude', 'Latitudine', 'Latitud'),
      placeholder: t('48.8566', '48.8566', '41.9028', '40.4168'),
    },
    longitude: {
      label: t('Longitude', 'Longitude', 'Longitudine', 'Longitud'),
      placeholder: t('2.3522', '2.3522', '12.4964', '-3.7038'),
    },
    website: { label: t('Website', 'Site web', 'Sito web', 'Sitio web'), ...URL_PLACEHOLDER },
    logo: { label: t('Logo', 'Logo', 'Logo', 'Logotipo') },
    logoAlt: ALT,
    logoDecorative: DECORATIVE,
    isConsortiumPartner: {
      label: t('Consortium partner', 'Partenaire du consortium', 'Partner del consorzio', 'Socio del consorcio'),
    },
    foundedYear: {
      label: t('Year founded', 'Année de création', 'Anno di fondazione', 'Año de fundación'),
      placeholder: t('1998', '1998', '1998', '1998'),
    },
  },
  'api::registration.registration': {
    sessionDocumentId: { label: t('Session (id)', 'Session (id)', 'Sessione (id)', 'Sesión (id)') },
    sessionTitle: { label: t('Session', 'Session', 'Sessione', 'Sesión') },
    fullName: { label: t('Full name', 'Nom complet', 'Nome e cognome', 'Nombre completo') },
    email: { label: t('Email', 'E-mail', 'E-mail', 'Correo electrónico') },
    emailNormalized: {
      label: t('Email (as compared)', 'E-mail (comparé)', 'E-mail (confrontata)', 'Correo (comparado)'),
    },
    organisation: { label: t('Organisation', 'Organisation', 'Organizzazione', 'Organización') },
    consentAt: { label: t('Consent given at', 'Consentement donné le', 'Consenso dato il', 'Consentimiento dado el') },
    policyVersion: {
      label: t(
        'Privacy policy version',
        'Version de la politique',
        "Versione dell'informativa",
        'Versión de la política',
      ),
    },
    registrationStatus: { label: t('Status', 'Statut', 'Stato', 'Estado') },
    language: {
      label: t('Language of messages', 'Langue des messages', 'Lingua dei messaggi', 'Idioma de los mensajes'),
    },
    tokenHash: { label: t('Link (hashed)', 'Lien (haché)', 'Link (hash)', 'Enlace (hash)') },
    anonymisedAt: { label: t('Anonymised at', 'Anonymisée le', 'Anonimizzata il', 'Anonimizada el') },
  },
  'api::site.site': {
    tagline: { label: t('Tagline', 'Slogan', 'Slogan', 'Lema') },
    footerText: {
      label: t('Footer text', 'Texte du pied de page', 'Testo del piè di pagina', 'Texto del pie de página'),
    },
    contactEmail: { label: t('Contact email', 'E-mail de contact', 'E-mail di contatto', 'Correo de contacto') },
    legalNotice: { label: t('Legal notice', 'Mentions légales', 'Note legali', 'Aviso legal') },
    privacyPolicy: {
      label: t('Privacy policy', 'Politique de confidentialité', 'Informativa sulla privacy', 'Política de privacidad'),
    },
    accessibilityStatement: {
      label: t(
        'Accessibility statement',
        "Déclaration d'accessibilité",
        'Dichiarazione di accessibilità',
        'Declaración de accesibilidad',
      ),
    },
  },
  'api::training-session.training-session': {
    title: TITLE,
    slug: SLUG,
    description: DESCRIPTION,
    module: { label: t('Module taught', 'Module enseigné', 'Modulo insegnato', 'Módulo impartido') },
    startsAt: { label: t('Starts', 'Début', 'Inizio', 'Comienzo') },
    endsAt: { label: t('Ends', 'Fin', 'Fine', 'Fin') },
    timezone: {
      label: t('Time zone', 'Fuseau horaire', 'Fuso orario', 'Zona horaria'),
      placeholder: t('Europe/Brussels', 'Europe/Paris', 'Europe/Rome', 'Europe/Madrid'),
    },
    teachingLanguage: {
      label: t('Teaching language', "Langue d'enseignement", 'Lingua di insegnamento', 'Idioma de enseñanza'),
    },
    format: { label: t('Format', 'Format', 'Formato', 'Formato') },
    venue: { label: t('Venue', 'Lieu', 'Luogo', 'Lugar') },
    hours: { label: t('Hours', 'Heures', 'Ore', 'Horas') },
    capacity: {
      label: t('Places', 'Places', 'Posti', 'Plazas'),
      description: t(
        'How many people may register (the same in every language).',
        "Combien de personnes peuvent s'inscrire (le même dans toutes les langues).",
        'Quante persone possono iscriversi (uguale in tutte le lingue).',
        'Cuántas personas pueden inscribirse (el mismo en todos los idiomas).',
      ),
    },
    registrationOpensAt: {
      label: t('Registration opens', 'Ouverture des inscriptions', 'Apertura iscrizioni', 'Apertura de inscripciones'),
    },
    registrationClosesAt: {
      label: t('Registration closes', 'Clôture des inscriptions', 'Chiusura iscrizioni', 'Cierre de inscripciones'),
    },
    isFree: { label: t('Free', 'Gratuite', 'Gratuita', 'Gratuita') },
    price: { label: t('Price (EUR)', 'Prix (EUR)', 'Prezzo (EUR)', 'Precio (EUR)') },
    audiences: AUDIENCES,
    organiser: { label: t('Organiser', 'Organisateur', 'Organizzatore', 'Organizador') },
    externalRegistrationUrl: {
      label: t(
        'External registration page',
        "Page d'inscription externe",
        'Pagina di iscrizione esterna',
        'Página de inscripción externa',
      ),
      description: t(
        'Only when people register elsewhere: then the site links there instead of its form.',
        "Seulement si l'on s'inscrit ailleurs : le site y renvoie au lieu de son formulaire.",
        'Solo se ci si iscrive altrove: il sito rimanda lì invece del suo modulo.',
        'Solo si la inscripción es en otro sitio: la web enlaza allí en lugar de su formulario.',
      ),
      ...URL_PLACEHOLDER,
    },
    seo: SEO,
  },
  'api::webinar.webinar': {
    title: TITLE,
    slug: SLUG,
    summary: SUMMARY,
    description: DESCRIPTION,
    startsAt: { label: t('Starts', 'Début', 'Inizio', 'Comienzo') },
    endsAt: { label: t('Ends', 'Fin', 'Fine', 'Fin') },
    timezone: {
      label: t('Time zone', 'Fuseau horaire', 'Fuso orario', 'Zona horaria'),
      placeholder: t('Europe/Brussels', 'Europe/Paris', 'Europe/Rome', 'Europe/Madrid'),
    },
    language: {
      label: t('Language it is held in', 'Langue du webinaire', 'Lingua del webinar', 'Idioma del seminario web'),
    },
    speakers: { label: t('Speakers', 'Intervenants', 'Relatori', 'Ponentes') },
    modules: { label: t('Modules', 'Modules', 'Moduli', 'Módulos') },
    competences: COMPETENCES,
    themes: { label: t('Themes', 'Thèmes', 'Temi', 'Temas') },
    joinUrl: {
      label: t('Join link', 'Lien pour participer', 'Link per partecipare', 'Enlace para participar'),
      description: t(
        'Shown to readers only before and during the webinar; never given out after it ends.',
        'Montré aux lecteurs seulement avant et pendant le webinaire ; jamais donné après la fin.',
        'Mostrato ai lettori solo prima e durante il webinar; mai fornito dopo la fine.',
        'Se muestra solo antes y durante el seminario web; nunca se da después del final.',
      ),
      ...URL_PLACEHOLDER,
    },
    replayVideo: {
      label: t('Replay (video file)', 'Replay (fichier vidéo)', 'Replica (file video)', 'Grabación (archivo de vídeo)'),
      description: t(
        'An MP4 or WebM file, served by the academy itself. Add its captions below.',
        'Un fichier MP4 ou WebM, servi par l’académie elle-même. Ajoutez ses sous-titres ci-dessous.',
        "Un file MP4 o WebM, servito dall'accademia stessa. Aggiungi i sottotitoli qui sotto.",
        'Un archivo MP4 o WebM, servido por la propia academia. Añade sus subtítulos abajo.',
      ),
    },
    replayPoster: {
      label: t(
        'Replay poster (a frame of the video)',
        'Affiche du replay (une image de la vidéo)',
        'Locandina della replica (un fotogramma del video)',
        'Póster de la grabación (un fotograma del vídeo)',
      ),
      description: t(
        'Shown in the player before it starts, and by search engines.',
        'Montrée dans le lecteur avant la lecture, et par les moteurs de recherche.',
        "Mostrata nel lettore prima dell'avvio, e dai motori di ricerca.",
        'Se muestra en el reproductor antes de empezar, y en los buscadores.',
      ),
    },
    replayDuration: {
      label: t(
        'Replay length (seconds)',
        'Durée du replay (secondes)',
        'Durata della replica (secondi)',
        'Duración de la grabación (segundos)',
      ),
    },
    replayCaptions: {
      label: t(
        'Captions of the replay',
        'Sous-titres du replay',
        'Sottotitoli della replica',
        'Subtítulos de la grabación',
      ),
      description: t(
        'One WebVTT file (.vtt) per language available.',
        'Un fichier WebVTT (.vtt) par langue disponible.',
        'Un file WebVTT (.vtt) per ogni lingua disponibile.',
        'Un archivo WebVTT (.vtt) por cada idioma disponible.',
      ),
    },
    transcript: { label: t('Transcript', 'Transcription', 'Trascrizione', 'Transcripción') },
    replayUrl: {
      label: t(
        'External replay page',
        'Page de replay externe',
        'Pagina esterna della replica',
        'Página externa de la grabación',
      ),
      description: t(
        'Only when the replay is elsewhere: the site shows it as a link leaving the site, never embedded.',
        'Seulement si le replay est ailleurs : le site le montre comme un lien qui quitte le site, jamais intégré.',
        'Solo se la replica è altrove: il sito la mostra come un link che esce dal sito, mai incorporata.',
        'Solo si la grabación está en otro sitio: la web la muestra como un enlace que sale de la web, nunca incrustada.',
      ),
      ...URL_PLACEHOLDER,
    },
    cover: COVER,
    coverAlt: ALT,
    coverDecorative: DECORATIVE,
    seo: SEO,
  },
  'webinar.speaker': {
    name: NAME,
    role: { label: t('Role', 'Fonction', 'Ruolo', 'Cargo') },
    organisation: { label: t('Organisation', 'Organisation', 'Organizzazione', 'Organización') },
  },
  'webinar.caption': {
    language: { label: t('Language', 'Langue', 'Lingua', 'Idioma') },
    file: { label: t('WebVTT file', 'Fichier WebVTT', 'File WebVTT', 'Archivo WebVTT') },
  },
  // The trainers' corner (issue 16): its hub, the kits and the private "I use this module" records.
  'api::trainers-corner.trainers-corner': {
    title: TITLE,
    intro: { label: t('Introduction', 'Introduction', 'Introduzione', 'Introducción') },
    programmeTitle: {
      label: t('Programme: heading', 'Programme : titre', 'Programma: titolo', 'Programa: título'),
    },
    programme: {
      label: t(
        'Training of trainers: programme',
        'Formation de formateurs : programme',
        'Formazione dei formatori: programma',
        'Formación de formadores: programa',
      ),
    },
    programmeSessions: {
      label: t('Sessions of the programme', 'Sessions du programme', 'Sessioni del programma', 'Sesiones del programa'),
      description: t(
        'The training-of-trainers sessions, one per language, listed on the page in date order.',
        'Les sessions de formation de formateurs, une par langue, listées sur la page par date.',
        'Le sessioni di formazione dei formatori, una per lingua, elencate nella pagina per data.',
        'Las sesiones de formación de formadores, una por idioma, listadas en la página por fecha.',
      ),
    },
    communityTitle: {
      label: t(
        'Community of practice: heading',
        'Communauté de pratique : titre',
        'Comunità di pratica: titolo',
        'Comunidad de práctica: título',
      ),
    },
    community: {
      label: t('Community of practice', 'Communauté de pratique', 'Comunità di pratica', 'Comunidad de práctica'),
    },
    kitsTitle: { label: t('Kits: heading', 'Kits : titre', 'Kit: titolo', 'Kits: título') },
    kitsIntro: { label: t('Kits: introduction', 'Kits : introduction', 'Kit: introduzione', 'Kits: introducción') },
    seo: SEO,
  },
  'api::trainer-kit.trainer-kit': {
    title: TITLE,
    slug: SLUG,
    summary: SUMMARY,
    module: { label: t('Module', 'Module', 'Modulo', 'Módulo') },
    files: {
      label: t(
        'Files (slides, handouts)',
        'Fichiers (diapositives, fiches)',
        'File (diapositive, dispense)',
        'Archivos (diapositivas, fichas)',
      ),
      description: t(
        'PDF or office documents in this language, offered as downloads.',
        'Des PDF ou documents bureautiques dans cette langue, proposés en téléchargement.',
        'PDF o documenti d’ufficio in questa lingua, offerti da scaricare.',
        'PDF o documentos ofimáticos en este idioma, ofrecidos para descargar.',
      ),
    },
    licence: LICENCE,
    licenceUrl: {
      label: t('Licence deed', 'Texte de la licence', 'Testo della licenza', 'Texto de la licencia'),
      ...URL_PLACEHOLDER,
    },
    facilitatorGuide: {
      label: t("Facilitator's guide", "Guide de l'animateur", 'Guida per chi conduce', 'Guía para dinamizar'),
      description: t(
        'Timings, preparation, activities, and how to adapt the module for learners far from digital tools.',
        'Déroulé et durées, préparation, activités, et adaptation pour des publics éloignés du numérique.',
        'Tempi, preparazione, attività e adattamento per chi è lontano dagli strumenti digitali.',
        'Tiempos, preparación, actividades y adaptación para personas alejadas de lo digital.',
      ),
    },
    seo: SEO,
  },
  'api::module-use.module-use': {
    fullName: { label: t('Full name', 'Nom complet', 'Nome e cognome', 'Nombre completo') },
    email: { label: t('Email', 'E-mail', 'E-mail', 'Correo electrónico') },
    organisation: { label: t('Organisation', 'Organisation', 'Organizzazione', 'Organización') },
    country: { label: t('Country', 'Pays', 'Paese', 'País') },
    module: { label: t('Module', 'Module', 'Modulo', 'Módulo') },
    moduleTitle: {
      label: t('Module (as sent)', 'Module (tel qu’envoyé)', 'Modulo (come inviato)', 'Módulo (tal como se envió)'),
    },
    learners: { label: t('Learners', 'Apprenants', 'Partecipanti', 'Participantes') },
    context: { label: t('Context', 'Contexte', 'Contesto', 'Contexto') },
    consentAt: { label: t('Consent given at', 'Consentement donné le', 'Consenso dato il', 'Consentimiento dado el') },
    policyVersion: {
      label: t(
        'Privacy policy version',
        'Version de la politique',
        "Versione dell'informativa",
        'Versión de la política',
      ),
    },
    language: { label: t('Language', 'Langue', 'Lingua', 'Idioma') },
    requestKey: { label: t('Form (hashed)', 'Formulaire (haché)', 'Modulo (hash)', 'Formulario (hash)') },
  },
  'interview.question-answer': {
    question: { label: t('Question', 'Question', 'Domanda', 'Pregunta') },
    answer: { label: t('Answer', 'Réponse', 'Risposta', 'Respuesta') },
  },
  'job.mission': { text: { label: t('Mission', 'Mission', 'Compito', 'Misión') } },
  'job.skill': {
    name: NAME,
    kind: { label: t('Kind', 'Type', 'Tipo', 'Tipo') },
  },
  'module.tool': {
    name: NAME,
    url: { label: t('Address', 'Adresse', 'Indirizzo', 'Dirección'), ...URL_PLACEHOLDER },
    description: DESCRIPTION,
    isOpenSource: { label: t('Open source', 'Libre (open source)', 'Open source', 'Código abierto') },
    licence: LICENCE,
  },
  'shared.seo': {
    metaTitle: {
      label: t(
        'Title for search engines',
        'Titre pour les moteurs',
        'Titolo per i motori di ricerca',
        'Título para buscadores',
      ),
    },
    metaDescription: {
      label: t(
        'Description for search engines',
        'Description pour les moteurs',
        'Descrizione per i motori',
        'Descripción para buscadores',
      ),
    },
    shareImage: {
      label: t('Image when shared', 'Image de partage', 'Immagine di condivisione', 'Imagen al compartir'),
    },
    shareImageAlt: {
      label: ALT.label,
      description: t(
        'What the shared image shows, in this language (social networks read it out). Required to publish when there is a share image.',
        "Ce que montre l'image de partage, dans cette langue (les réseaux sociaux la lisent). Obligatoire pour publier s'il y a une image de partage.",
        "Ciò che mostra l'immagine di condivisione, in questa lingua (i social network la leggono). Obbligatorio per pubblicare se c'è un'immagine di condivisione.",
        'Lo que muestra la imagen al compartir, en este idioma (las redes sociales la leen). Obligatorio para publicar si hay imagen al compartir.',
      ),
    },
  },
};

/**
 * How entries read in lists, relation pickers and collapsed repeatable rows (the main field), and
 * the list view's columns.
 */
export const LAYOUTS: Record<string, { mainField?: string; list?: string[]; readOnly?: string[] }> = {
  'api::audience.audience': { mainField: 'name', list: ['name', 'slug', 'updatedAt'] },
  'api::theme.theme': { mainField: 'name', list: ['name', 'slug', 'updatedAt'] },
  'api::competence.competence': { mainField: 'label', list: ['label', 'areaName', 'updatedAt'], readOnly: ['label'] },
  'api::interview.interview': { mainField: 'title', list: ['title', 'personName', 'country', 'updatedAt'] },
  'api::job-offer.job-offer': {
    mainField: 'title',
    list: ['title', 'contract', 'country', 'publishedUntil', 'updatedAt'],
  },
  'api::job-sheet.job-sheet': { mainField: 'title', list: ['title', 'iscoCode', 'updatedAt'] },
  'api::module.module': { mainField: 'title', list: ['title', 'level', 'durationHours', 'updatedAt'] },
  'api::organisation.organisation': { mainField: 'name', list: ['name', 'kind', 'country', 'city', 'updatedAt'] },
  'api::training-session.training-session': {
    mainField: 'title',
    list: ['title', 'startsAt', 'format', 'capacity', 'updatedAt'],
  },
  'api::webinar.webinar': { mainField: 'title', list: ['title', 'startsAt', 'language', 'updatedAt'] },
  'webinar.speaker': { mainField: 'name' },
  'webinar.caption': { mainField: 'language' },
  'api::trainer-kit.trainer-kit': { mainField: 'title', list: ['title', 'module', 'licence', 'updatedAt'] },
  'api::module-use.module-use': {
    mainField: 'fullName',
    list: ['fullName', 'organisation', 'country', 'moduleTitle', 'learners', 'createdAt'],
  },
  'interview.question-answer': { mainField: 'question' },
  'job.mission': { mainField: 'text' },
  'job.skill': { mainField: 'name' },
  'module.tool': { mainField: 'name' },
  'shared.seo': { mainField: 'metaTitle' },
};

/** The content types' names, as editors read them (the translation status page, the home widgets). */
export const TYPE_NAMES: Record<string, Texts> = {
  'api::audience.audience': t('Audience', 'Public', 'Pubblico', 'Público'),
  'api::competence.competence': t('Competence', 'Compétence', 'Competenza', 'Competencia'),
  'api::home.home': t('Home page', "Page d'accueil", 'Pagina iniziale', 'Página de inicio'),
  'api::interview.interview': t('Interview', 'Entretien', 'Intervista', 'Entrevista'),
  'api::job-offer.job-offer': t('Job offer', "Offre d'emploi", 'Offerta di lavoro', 'Oferta de empleo'),
  'api::job-sheet.job-sheet': t('Job sheet', 'Fiche métier', 'Scheda professionale', 'Ficha de empleo'),
  'api::module.module': t('Module', 'Module', 'Modulo', 'Módulo'),
  'api::organisation.organisation': t('Organisation', 'Organisation', 'Organizzazione', 'Organización'),
  'api::registration.registration': t('Registration', 'Inscription', 'Iscrizione', 'Inscripción'),
  'api::trainer-kit.trainer-kit': t('Trainer kit', 'Kit du formateur', 'Kit per formatori', 'Kit para formadores'),
  'api::trainers-corner.trainers-corner': t(
    "Trainers' corner",
    'Espace formateurs',
    'Spazio formatori',
    'Espacio para formadores',
  ),
  'api::module-use.module-use': t('Module use', 'Utilisation de module', 'Uso di un modulo', 'Uso de un módulo'),
  'api::site.site': t('Site', 'Site', 'Sito', 'Sitio'),
  'api::theme.theme': t('Theme', 'Thème', 'Tema', 'Tema'),
  'api::webinar.webinar': t('Webinar', 'Webinaire', 'Webinar', 'Seminario web'),
  'api::training-session.training-session': t(
    'Training session',
    'Session de formation',
    'Sessione di formazione',
    'Sesión de formación',
  ),
};

/** A content type's name in `language`, else the end of its uid. */
export function typeName(uid: string, language: LocaleCode): string {
  return TYPE_NAMES[uid]?.[language] ?? uid.split('.').pop() ?? uid;
}
