import type { Core } from '@strapi/strapi';
import { t, messageLocale } from '../../registration/messages';
import { escapeHtml } from '../../registration/outbox/mails';
import { registerMailKind } from '../../registration/outbox/outbox';
import type { LocaleCode } from '../../../i18n/locales';

/**
 * The mails of a submission to the Atlas, sent through the registration's outbox (queued in the
 * transaction of the change they announce, retried): to the submitter, the acknowledgement, then
 * "published" or "declined" (in the language of the form); to the editors (ORGANISATION_SUBMISSIONS_EMAIL,
 * in English), the new submission. Each row holds, sealed, everything its mail says: the contact
 * is erased at moderation, before the mail goes.
 */
export const SUBMISSION_MAILS = [
  'submission-received',
  'submission-editors',
  'submission-published',
  'submission-declined',
] as const;
export type SubmissionMail = (typeof SUBMISSION_MAILS)[number];

export interface SubmissionMailData {
  to: string;
  locale: LocaleCode;
  organisationName: string;
  fullName?: string;
  /** The organisation's page (published), or its edit view in the admin (editors). */
  link?: string | null;
  /** For the editors: what was proposed. */
  details?: Array<[labelKey: string, value: string]>;
}

export interface RenderedSubmissionMail {
  subject: string;
  text: string;
  html: string;
}

export function renderSubmissionMail(kind: SubmissionMail, data: SubmissionMailData): RenderedSubmissionMail {
  const locale = data.locale;
  const short = kind.replace('submission-', '');
  const vars = { name: data.organisationName };
  const subject = t(locale, `submission.mail.subject.${short}`, vars);
  const paragraphs = [
    ...(data.fullName ? [t(locale, 'mail.greeting', { name: data.fullName })] : []),
    t(locale, `submission.mail.intro.${short}`, vars),
  ];
  const details = (data.details ?? []).map(
    ([key, value]) => [t(locale, `submission.mail.labels.${key}`), value] as [string, string],
  );
  const linkLabel = kind === 'submission-editors' ? 'submission.mail.review' : 'submission.mail.see';
  const notes =
    kind === 'submission-received'
      ? [t(locale, 'submission.mail.privacy')]
      : kind === 'submission-editors'
        ? []
        : [t(locale, 'submission.mail.erased')];
  const signature = t(locale, 'mail.signature');
  const footer = t(locale, kind === 'submission-editors' ? 'submission.mail.editorsFooter' : 'submission.mail.footer');
  const text = [
    ...paragraphs,
    ...(details.length ? [details.map(([l, v]) => `${l}${t(locale, 'mail.labelSeparator')}${v}`).join('\n')] : []),
    ...(data.link ? [`${t(locale, linkLabel)}\n${data.link}`] : []),
    ...notes,
    signature,
    `--\n${footer}`,
  ].join('\n\n');
  const e = escapeHtml;
  const html = `<!doctype html>
<html lang="${e(locale)}"><head><meta charset="utf-8"><title>${e(subject)}</title></head>
<body style="font-family: sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 40em">
${paragraphs.map((p) => `<p>${e(p)}</p>`).join('\n')}
${details.length ? `<table role="presentation" style="border-collapse: collapse; margin: 1em 0">\n${details.map(([l, v]) => `<tr><th scope="row" style="text-align: left; padding: 0.25em 1em 0.25em 0; vertical-align: top">${e(l)}</th><td style="padding: 0.25em 0">${e(v)}</td></tr>`).join('\n')}\n</table>` : ''}
${data.link ? `<p>${e(t(locale, linkLabel))}<br><a href="${e(data.link)}" style="color: #0b5394">${e(data.link)}</a></p>` : ''}
${notes.map((n) => `<p>${e(n)}</p>`).join('\n')}
<p>${e(signature)}</p>
<hr><p style="font-size: 14px; color: #4a4a4a">${e(footer)}</p>
</body></html>
`;
  return { subject, text, html };
}

async function send(strapi: Core.Strapi, kind: SubmissionMail, payload: Record<string, unknown>) {
  const data = payload as unknown as SubmissionMailData;
  if (typeof data.to !== 'string' || !data.to) return 'dropped' as const;
  const mail = renderSubmissionMail(kind, { ...data, locale: messageLocale(data.locale) });
  await strapi
    .plugin('email')
    .service('email')
    .send({ to: data.to, ...mail });
  return 'sent' as const;
}

for (const kind of SUBMISSION_MAILS) registerMailKind(kind, (strapi, payload) => send(strapi, kind, payload));
