import { afterAll, describe, expect, it } from 'vitest';
import { getApp, graphql } from './strapi';
import {
  cancelByToken,
  createSession,
  drainUntil,
  eraseByToken,
  exportByToken,
  formToken,
  linkToken,
  readByToken,
  register,
  removeTestSessions,
  sessionPlaces,
  settleOutbox,
  snapshot,
} from './registration-helpers';

afterAll(removeTestSessions);

describe('registering for a training session', () => {
  it('confirms while places are left, then waitlists, and TrainingSession.placesLeft follows', async () => {
    const session = await createSession({ capacity: 2 });
    expect(await sessionPlaces(session.documentId)).toMatchObject({ placesLeft: 2, registrationState: 'open' });
    const first = await register(session.documentId);
    expect(first.errors).toBeUndefined();
    expect(first.outcome).toEqual({ status: 'confirmed', placesLeft: 1 });
    expect((await register(session.documentId)).outcome).toEqual({ status: 'confirmed', placesLeft: 0 });
    expect(await sessionPlaces(session.documentId)).toMatchObject({ placesLeft: 0, registrationState: 'waitlist' });
    expect((await register(session.documentId)).outcome).toEqual({ status: 'waitlisted', placesLeft: 0 });
  });

  it("mails the confirmation in the registrant's language, with the calendar file and the self-service link", async () => {
    const { mailbox } = await getApp();
    const session = await createSession({ capacity: 5 });
    const { email } = await register(session.documentId, { locale: 'fr', fullName: 'Zoé <b>Martin</b>' });
    const mail = await mailbox.waitFor((m) => JSON.stringify(m.to).includes(email));
    expect(mail.subject).toBe(`Votre place est confirmée : ${session.title('fr')}`);
    expect(mail.text).toContain('Bonjour Zoé <b>Martin</b>,');
    expect(mail.html).toContain('Bonjour Zoé &lt;b&gt;Martin&lt;/b&gt;,');
    expect(mail.html).not.toContain('<b>Martin</b>');
    expect(mail.text).toMatch(/http:\/\/localhost:3000\/fr\/inscription\?token=[A-Za-z0-9_-]{43}/);
    const ics = mail.attachments.find((a) => a.filename === 'session.ics');
    expect(ics?.contentType).toBe('text/calendar');
    const calendar = ics!.content.toString('utf8');
    expect(calendar).toMatch(/BEGIN:VEVENT[\s\S]*STATUS:CONFIRMED[\s\S]*END:VEVENT/);
    expect(calendar).toContain(`SUMMARY:${session.title('fr')}`);
    // The link works: it opens this registration, in French.
    const view = await readByToken(linkToken(mail.text!));
    expect(view.errors).toBeUndefined();
    expect(view.data.trainingSessionRegistration).toMatchObject({
      status: 'confirmed',
      email,
      language: 'fr',
      fullName: 'Zoé <b>Martin</b>',
      session: { documentId: session.documentId, locale: 'fr', title: session.title('fr') },
    });
  });

  it.each([
    ['it', "Siete in lista d'attesa"],
    ['es', 'Estás en la lista de espera'],
    ['en', 'You are on the waiting list'],
  ])('mails the waitlist in %s', async (locale, subject) => {
    const { mailbox } = await getApp();
    const session = await createSession({ capacity: 0 });
    const { email, outcome } = await register(session.documentId, { locale });
    expect(outcome.status).toBe('waitlisted');
    const mail = await mailbox.waitFor((m) => JSON.stringify(m.to).includes(email));
    expect(mail.subject).toBe(`${subject}: ${session.title(locale as any)}`);
    expect(mail.text).toMatch(/\(1\)|position 1|posizione 1|posición 1/);
    expect(mail.attachments[0].content.toString()).toContain('STATUS:TENTATIVE');
  });

  it('returns the existing registration for the same email, whatever its case, and sends nothing new', async () => {
    const { mailbox } = await getApp();
    const session = await createSession({ capacity: 3 });
    const first = await register(session.documentId);
    await mailbox.waitFor((m) => JSON.stringify(m.to).includes(first.email));
    const again = await register(session.documentId, {
      email: `  ${first.email.toUpperCase()} `,
      fullName: 'Someone else',
    });
    expect(again.errors).toBeUndefined();
    expect(again.outcome).toEqual({ status: 'confirmed', placesLeft: 2 });
    await settleOutbox();
    expect(mailbox.to(first.email)).toHaveLength(1);
    expect((await snapshot(session.documentId)).registrations).toBe(1);
  });
});

describe('refusals', () => {
  const cases: Array<[string, (s: string) => Promise<Record<string, unknown>>, string, string | null, string?]> = [
    ['an empty name', async () => ({ fullName: '   ' }), 'INVALID_INPUT', 'fullName', 'REQUIRED'],
    ['a name too long', async () => ({ fullName: 'x'.repeat(121) }), 'INVALID_INPUT', 'fullName', 'TOO_LONG'],
    [
      'a name with control characters',
      async () => ({ fullName: 'Ada\u0000Reader' }),
      'INVALID_INPUT',
      'fullName',
      'INVALID_VALUE',
    ],
    ['an invalid email', async () => ({ email: 'not-an-email' }), 'INVALID_INPUT', 'email', 'INVALID_EMAIL'],
    [
      'an email without a domain dot',
      async () => ({ email: 'ada@localhost' }),
      'INVALID_INPUT',
      'email',
      'INVALID_EMAIL',
    ],
    [
      'an email too long',
      async () => ({ email: `${'a'.repeat(60)}@${'b'.repeat(200)}.org` }),
      'INVALID_INPUT',
      'email',
      'TOO_LONG',
    ],
    [
      'an organisation too long',
      async () => ({ organisation: 'o'.repeat(201) }),
      'INVALID_INPUT',
      'organisation',
      'TOO_LONG',
    ],
    ['no consent', async () => ({ consent: false }), 'INVALID_INPUT', 'consent', 'CONSENT_REQUIRED'],
    ['an unknown locale', async () => ({ locale: 'de' }), 'INVALID_INPUT', 'locale', 'INVALID_VALUE'],
    ['a filled honeypot', async () => ({ website: 'http://spam.example' }), 'SPAM_SUSPECTED', 'website'],
    [
      'a form sent at once',
      async (s) => ({
        formToken: (
          await graphql(
            `
              query ($s: ID!) {
                trainingSessionRegistrationFormToken(session: $s)
              }
            `,
            { s },
          )
        ).data.trainingSessionRegistrationFormToken,
      }),
      'TOO_FAST',
      'formToken',
    ],
    [
      'a forged form token',
      async (s) => ({ formToken: (await formToken(s)).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) }),
      'FORM_EXPIRED',
      'formToken',
    ],
    [
      'a made-up form token',
      async (s) => ({ formToken: `${s}.${Date.now() - 60_000}.abc.def` }),
      'FORM_EXPIRED',
      'formToken',
    ],
    [
      'an expired form token',
      async (s) => ({ formToken: await formToken(s, 2 * 86_400_000) }),
      'FORM_EXPIRED',
      'formToken',
    ],
    [
      "another session's form token",
      async () => ({ formToken: await formToken('someothersession') }),
      'FORM_EXPIRED',
      'formToken',
    ],
  ];

  it.each(cases)('refuses %s with its code and changes nothing', async (_label, fields, code, field, reason) => {
    const session = await createSession({ capacity: 5 });
    await settleOutbox();
    const before = await snapshot(session.documentId);
    const result = await register(session.documentId, await fields(session.documentId));
    expect(result.outcome).toBeNull();
    const error = result.errors![0];
    expect(error.extensions).toMatchObject({ code, field });
    if (reason)
      expect(error.extensions!.fieldErrors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field, code: reason })]),
      );
    expect(error.message.length).toBeGreaterThan(10);
    // Whatever a refusal had queued would be sent by now: the outbox is settled, not slept on.
    await settleOutbox();
    expect(await snapshot(session.documentId)).toEqual(before);
  });

  it('lists every invalid field at once, with messages in the requested language', async () => {
    const session = await createSession();
    const result = await register(session.documentId, { fullName: '', email: 'nope', consent: false, locale: 'it' });
    const error = result.errors![0];
    expect(error.extensions!.code).toBe('INVALID_INPUT');
    expect(error.extensions!.fieldErrors.map((e: any) => e.field)).toEqual(['fullName', 'email', 'consent']);
    expect(error.extensions!.fieldErrors[0].message).toBe('Questo campo è obbligatorio.');
    expect(error.message).toBe('Alcuni campi vanno corretti.');
  });

  const sessions: Array<[string, () => ReturnType<typeof createSession>, string, Record<string, string>]> = [
    [
      'not open yet',
      () => createSession({ opensInDays: 5 }),
      'REGISTRATION_NOT_OPEN',
      { fr: 'Les inscriptions à cette session ne sont pas encore ouvertes.' },
    ],
    [
      'closed',
      () => createSession({ closesInDays: -1 }),
      'REGISTRATION_CLOSED',
      { es: 'Las inscripciones a esta sesión están cerradas.' },
    ],
    [
      'past',
      () => createSession({ startsInDays: -3, endsInDays: -2, opensInDays: -30 }),
      'SESSION_PAST',
      { it: 'Questa sessione si è già svolta.' },
    ],
    [
      'registered elsewhere',
      () => createSession({ externalRegistrationUrl: 'https://organiser.example/register' }),
      'EXTERNAL_REGISTRATION',
      { en: "Registration for this session takes place on the organiser's website." },
    ],
  ];

  it.each(sessions)(
    "refuses a session %s, in the reader's language, and changes nothing",
    async (_label, make, code, message) => {
      const session = await make();
      const [[locale, text]] = Object.entries(message);
      await settleOutbox();
      const before = await snapshot(session.documentId);
      const result = await register(session.documentId, { locale });
      expect(result.errors![0].extensions).toMatchObject({ code, field: 'session' });
      expect(result.errors![0].message).toBe(text);
      if (code === 'EXTERNAL_REGISTRATION')
        expect(result.errors![0].extensions!.url).toBe('https://organiser.example/register');
      await settleOutbox();
      expect(await snapshot(session.documentId)).toEqual(before);
    },
  );

  it('refuses an unknown or unpublished session', async () => {
    const unknown = await register('doesnotexist0000000000000');
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'SESSION_NOT_FOUND', field: 'session' });
    const { strapi } = await getApp();
    const draft: any = await strapi.documents('api::training-session.training-session' as any).create({
      locale: 'en',
      data: {
        title: 'Draft session',
        slug: `draft-session-${Date.now()}`,
        startsAt: new Date(Date.now() + 9e8),
        endsAt: new Date(Date.now() + 9.1e8),
        timezone: 'Europe/Paris',
        teachingLanguage: 'fr',
        format: 'online',
        capacity: 10,
      },
    } as any);
    const drafted = await register(draft.documentId);
    expect(drafted.errors![0].extensions!.code).toBe('SESSION_NOT_FOUND');
    const [{ n }] = await strapi.db
      .connection('registrations')
      .count({ n: '*' })
      .where('session_document_id', draft.documentId);
    expect(Number(n)).toBe(0);
  });
});

describe('self-service link', () => {
  it('cancels: the place goes to the first person waiting, who is told and gets a working link', async () => {
    const { mailbox } = await getApp();
    const session = await createSession({ capacity: 1 });
    const holder = await register(session.documentId, { locale: 'en' });
    const firstWaiting = await register(session.documentId, { locale: 'es' });
    const secondWaiting = await register(session.documentId, { locale: 'fr' });
    expect([holder.outcome.status, firstWaiting.outcome.status, secondWaiting.outcome.status]).toEqual([
      'confirmed',
      'waitlisted',
      'waitlisted',
    ]);
    const confirmation = await mailbox.waitFor((m) => JSON.stringify(m.to).includes(holder.email));
    const waitlistMail = await mailbox.waitFor((m) => JSON.stringify(m.to).includes(firstWaiting.email));

    const cancelled = await cancelByToken(linkToken(confirmation.text!));
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data.cancelTrainingSessionRegistration.status).toBe('cancelled');

    const promotion = await mailbox.waitFor(
      (m) => JSON.stringify(m.to).includes(firstWaiting.email) && /plaza/.test(m.subject ?? ''),
    );
    expect(promotion.subject).toBe(`Se ha liberado una plaza para ti: ${session.title('es')}`);
    expect(promotion.attachments[0].content.toString()).toContain('STATUS:CONFIRMED');
    const promotedView = await readByToken(linkToken(promotion.text!));
    expect(promotedView.data.trainingSessionRegistration).toMatchObject({
      status: 'confirmed',
      waitlistPosition: null,
    });
    // Only hashes are stored: the promotion mail carries a new link, which replaces the old one.
    expect((await readByToken(linkToken(waitlistMail.text!))).errors![0].extensions!.code).toBe(
      'REGISTRATION_NOT_FOUND',
    );
    const cancellation = await mailbox.waitFor(
      (m) => JSON.stringify(m.to).includes(holder.email) && /cancelled/.test(m.subject ?? ''),
    );
    expect(cancellation.attachments[0].content.toString()).toMatch(/METHOD:CANCEL[\s\S]*STATUS:CANCELLED/);
    expect(mailbox.to(secondWaiting.email).map((m) => m.subject)).toEqual([
      `Vous êtes sur la liste d'attente : ${session.title('fr')}`,
    ]);
    const second = await readByToken(linkToken(mailbox.to(secondWaiting.email)[0].text!));
    expect(second.data.trainingSessionRegistration).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await sessionPlaces(session.documentId)).toMatchObject({ placesLeft: 0 });

    // Cancelling again changes nothing and sends nothing.
    const mailsBefore = mailbox.mails.length;
    expect((await cancelByToken(linkToken(confirmation.text!))).data.cancelTrainingSessionRegistration.status).toBe(
      'cancelled',
    );
    await settleOutbox();
    expect(mailbox.mails.length).toBe(mailsBefore);
  });

  it('frees the place when nobody is waiting', async () => {
    const { mailbox } = await getApp();
    const session = await createSession({ capacity: 2 });
    const { email } = await register(session.documentId);
    expect(await sessionPlaces(session.documentId)).toMatchObject({ placesLeft: 1 });
    const mail = await mailbox.waitFor((m) => JSON.stringify(m.to).includes(email));
    await cancelByToken(linkToken(mail.text!));
    expect(await sessionPlaces(session.documentId)).toMatchObject({ placesLeft: 2 });
  });

  it('exports every personal data item as JSON', async () => {
    const { mailbox } = await getApp();
    const session = await createSession();
    const { email } = await register(session.documentId, {
      fullName: 'Data Subject',
      organisation: 'Mutual Aid',
      locale: 'it',
    });
    const mail = await mailbox.waitFor((m) => JSON.stringify(m.to).includes(email));
    const { data, errors } = await exportByToken(linkToken(mail.text!));
    expect(errors).toBeUndefined();
    const exported = data.trainingSessionRegistrationData;
    expect(exported.registration).toMatchObject({
      fullName: 'Data Subject',
      email,
      organisation: 'Mutual Aid',
      status: 'confirmed',
      language: 'it',
      privacyPolicyVersion: '2026-12-05',
    });
    expect(new Date(exported.registration.consentAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(exported.session).toMatchObject({ documentId: session.documentId, title: session.title('it') });
    expect(exported.mails).toEqual([expect.objectContaining({ kind: 'confirmation', status: 'sent' })]);
  });

  it('erases: the place goes to the waitlist and the link finds nothing any more, like a guessed one', async () => {
    const { mailbox, strapi } = await getApp();
    const session = await createSession({ capacity: 1 });
    const holder = await register(session.documentId, { locale: 'fr' });
    const waiting = await register(session.documentId);
    const mail = await mailbox.waitFor((m) => JSON.stringify(m.to).includes(holder.email));
    const token = linkToken(mail.text!);
    expect((await eraseByToken(token)).data.eraseTrainingSessionRegistration).toBe(true);
    const rows = await strapi.db.connection('registrations').where('email_normalized', holder.email);
    expect(rows).toEqual([]);
    await mailbox.waitFor(
      (m) => JSON.stringify(m.to).includes(waiting.email) && /place has opened/.test(m.subject ?? ''),
    );

    const guessed = 'A'.repeat(43);
    const answers = await Promise.all([
      readByToken(token, 'fr'),
      readByToken(guessed, 'fr'),
      readByToken('short', 'fr'),
      exportByToken(token),
      cancelByToken(token),
      eraseByToken(token),
    ]);
    for (const answer of answers) {
      expect(answer.data ?? null).toBeNull();
      expect(answer.errors![0].extensions).toMatchObject({ code: 'REGISTRATION_NOT_FOUND', field: 'token' });
      expect(JSON.stringify(answer.body)).not.toContain(holder.email);
    }
    expect(answers[0].errors![0].message).toBe(answers[1].errors![0].message);
    expect(answers[0].errors![0].message).toMatch(/Nous ne trouvons pas cette inscription/);
  });
});

describe('mail delivery', () => {
  it('retries a mail the SMTP server refused, and the registration stands meanwhile', async () => {
    const { mailbox, strapi } = await getApp();
    const session = await createSession();
    mailbox.failNext(2);
    const { email, outcome } = await register(session.documentId, { locale: 'es' });
    expect(outcome.status).toBe('confirmed');
    const row = await strapi.db.connection('registrations').where('email_normalized', email).first();
    expect(row.registration_status).toBe('confirmed');
    await drainUntil(() => mailbox.to(email).length > 0);
    const outbox = await strapi.db.connection('registration_outbox').where('registration_id', row.id).first();
    expect(outbox.status).toBe('sent');
    expect(Number(outbox.attempts)).toBeGreaterThanOrEqual(3);
    expect(outbox.payload).toBeNull(); // the token does not outlive the mail
    expect(mailbox.to(email)).toHaveLength(1);
    expect(mailbox.to(email)[0].subject).toMatch(/^Tu plaza está confirmada/);
  });
});

describe('several workers draining the outbox at once (as several replicas do)', () => {
  it('send each mail exactly once', async () => {
    const { mailbox, strapi } = await getApp();
    const { drainOutbox } = await import('../src/api/registration/outbox/outbox');
    const session = await createSession({ capacity: 5 });
    await settleOutbox();
    mailbox.failNext(1000); // hold the mails back: every send fails and waits for a retry
    const readers = await Promise.all(Array.from({ length: 12 }, () => register(session.documentId)));
    const ids = (
      await strapi.db.connection('registrations').select('id').where('session_document_id', session.documentId)
    ).map((r: any) => r.id);
    await drainUntil(async () => {
      const [{ n }] = await strapi.db
        .connection('registration_outbox')
        .count({ n: '*' })
        .whereIn('registration_id', ids)
        .where('attempts', 0);
      return Number(n) === 0;
    });
    mailbox.failNext(0);
    await strapi.db
      .connection('registration_outbox')
      .whereIn('registration_id', ids)
      .update({ available_at: Date.now() });
    // Six workers at once (besides the CMS's own cron), each claiming the same due rows.
    const drained = await Promise.all(Array.from({ length: 6 }, () => drainOutbox(strapi)));
    expect(drained.reduce((sum, d) => sum + d.sent, 0)).toBeLessThanOrEqual(readers.length);
    await drainUntil(() => readers.every((r) => mailbox.to(r.email).length > 0));
    // A mail sent twice would have been sent by the time nothing is left to send.
    await settleOutbox();
    expect(readers.map((r) => mailbox.to(r.email).length)).toEqual(readers.map(() => 1));
  });
});

describe('editors', () => {
  it("raising a session's capacity gives the new places to the waitlist", async () => {
    const { strapi, mailbox } = await getApp();
    const session = await createSession({ capacity: 1 });
    await register(session.documentId);
    const waiting = await register(session.documentId);
    expect(waiting.outcome.status).toBe('waitlisted');
    await strapi
      .documents('api::training-session.training-session' as any)
      .update({ documentId: session.documentId, locale: 'en', data: { capacity: 3 } } as any);
    expect(await sessionPlaces(session.documentId)).toMatchObject({ capacity: 1, placesLeft: 0 }); // a draft change counts once published
    await strapi
      .documents('api::training-session.training-session' as any)
      .publish({ documentId: session.documentId, locale: 'en' } as any);
    expect(await sessionPlaces(session.documentId)).toMatchObject({ capacity: 3, placesLeft: 1 });
    await mailbox.waitFor(
      (m) => JSON.stringify(m.to).includes(waiting.email) && /place has opened/.test(m.subject ?? ''),
    );
  });
});
