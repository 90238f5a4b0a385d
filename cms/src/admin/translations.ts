import type { LocaleCode } from '../i18n/locales';

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

export default Object.fromEntries(
  Object.entries(texts).map(([locale, messages]) => [
    locale,
    Object.fromEntries(Object.entries(messages).map(([key, value]) => [`academy.registrations.${key}`, value])),
  ]),
);
