import { createEvent } from 'ics';
import type { LocaleCode } from '../../../i18n/locales';
import { t } from '../messages';
import { sessionTexts, type SessionFacts } from '../sessions';

export type MailKind = 'confirmation' | 'waitlist' | 'promotion' | 'cancellation';

export interface MailInput {
  kind: MailKind;
  locale: LocaleCode;
  fullName: string;
  registrationDocumentId: string;
  session: SessionFacts;
  /** The self-service link, when the mail carries one. */
  link: string | null;
  /** The link is new and the one in earlier mails no longer works. */
  linkReplaces?: boolean;
  waitlistPosition?: number | null;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  ics: string;
  icsMethod: 'PUBLISH' | 'CANCEL';
}

/** Everything that comes from input or content is escaped: mails never render it as HTML. */
export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/** "Tuesday 3 June 2025, 09:30 – 16:30 (Europe/Rome)", in the registrant's language. */
export function sessionWhen(session: SessionFacts, locale: LocaleCode): string {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: session.timezone });
  return `${format.formatRange(session.startsAt, session.endsAt)} (${session.timezone})`;
}

function sessionWhere(session: SessionFacts, locale: LocaleCode): string {
  const venue = sessionTexts(session, locale)?.venue?.trim();
  const online = t(locale, 'mail.labels.online');
  if (session.format === 'online') return online;
  if (session.format === 'hybrid') return venue ? `${venue} / ${online}` : online;
  return venue || '—';
}

export function renderMail(input: MailInput): RenderedMail {
  const { kind, locale, session } = input;
  const title = sessionTexts(session, locale)?.title ?? '';
  const subject = t(locale, `mail.subject.${kind}`, { title });
  const paragraphs = [
    t(locale, 'mail.greeting', { name: input.fullName }),
    t(locale, `mail.intro.${kind}`, { position: input.waitlistPosition ?? '' }),
  ];
  const details: Array<[string, string]> = [
    [t(locale, 'mail.labels.session'), title],
    [t(locale, 'mail.labels.when'), sessionWhen(session, locale)],
    [t(locale, 'mail.labels.where'), sessionWhere(session, locale)],
  ];
  const calendar = t(locale, kind === 'cancellation' ? 'mail.calendarCancel' : 'mail.calendar');
  // The link, then what to know about it.
  const linkNotes = input.link
    ? [...(input.linkReplaces ? [t(locale, 'mail.linkReplaces')] : []), t(locale, 'mail.linkPrivate')]
    : [];
  const signature = t(locale, 'mail.signature');
  const footer = t(locale, 'mail.footer');

  const text = [
    ...paragraphs,
    details.map(([label, value]) => `${label}${t(locale, 'mail.labelSeparator')}${value}`).join('\n'),
    calendar,
    ...(input.link ? [`${t(locale, 'mail.link')}\n${input.link}`, linkNotes.join('\n')] : []),
    signature,
    `--\n${footer}`,
  ].join('\n\n');

  const e = escapeHtml;
  const html = `<!doctype html>
<html lang="${e(locale)}"><head><meta charset="utf-8"><title>${e(subject)}</title></head>
<body style="font-family: sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 40em">
${paragraphs.map((p) => `<p>${e(p)}</p>`).join('\n')}
<table role="presentation" style="border-collapse: collapse; margin: 1em 0">
${details.map(([label, value]) => `<tr><th scope="row" style="text-align: left; padding: 0.25em 1em 0.25em 0; vertical-align: top">${e(label)}</th><td style="padding: 0.25em 0">${e(value)}</td></tr>`).join('\n')}
</table>
<p>${e(calendar)}</p>
${input.link ? `<p>${e(t(locale, 'mail.link'))}<br><a href="${e(input.link)}" style="color: #0b5394">${e(input.link)}</a></p>\n<p>${linkNotes.map(e).join('<br>')}</p>` : ''}
<p>${e(signature)}</p>
<hr><p style="font-size: 14px; color: #4a4a4a">${e(footer)}</p>
</body></html>
`;

  const icsMethod = kind === 'cancellation' ? 'CANCEL' : 'PUBLISH';
  const { error, value } = createEvent({
    uid: `${input.registrationDocumentId}@registrations.socialtechacademy.eu`,
    // A later mail about the same registration updates the calendar entry of an earlier one.
    sequence: { waitlist: 0, confirmation: 0, promotion: 1, cancellation: 2 }[kind],
    method: icsMethod,
    status: kind === 'cancellation' ? 'CANCELLED' : kind === 'waitlist' ? 'TENTATIVE' : 'CONFIRMED',
    productId: 'socialtechacademy/registrations',
    start: session.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: session.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title,
    description: [t(locale, `mail.intro.${kind}`, { position: input.waitlistPosition ?? '' }), input.link ?? '']
      .filter(Boolean)
      .join('\n\n'),
    location: sessionWhere(session, locale),
    ...(input.link ? { url: input.link } : {}),
  });
  if (error || !value) throw error ?? new Error('Could not build the calendar file');
  return { subject, text, html, ics: value, icsMethod };
}
