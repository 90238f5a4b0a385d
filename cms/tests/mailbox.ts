import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

/**
 * A real SMTP server in the test process that keeps every mail the CMS sends (parsed with
 * mailparser), and can refuse the next deliveries to test the outbox's retries.
 */
export interface Mailbox {
  port: number;
  mails: ParsedMail[];
  /** The next `n` deliveries get a temporary SMTP failure (451). */
  failNext(n: number): void;
  waitFor(predicate: (mail: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  to(address: string): ParsedMail[];
  close(): Promise<void>;
}

export async function startMailbox(): Promise<Mailbox> {
  const mails: ParsedMail[] = [];
  let failures = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', async () => {
        if (failures > 0) {
          failures--;
          const error: any = new Error('Mailbox temporarily unavailable');
          error.responseCode = 451;
          return callback(error);
        }
        mails.push(await simpleParser(Buffer.concat(chunks)));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as any).port;
  const to = (address: string) =>
    mails.filter((m) => JSON.stringify(m.to).toLowerCase().includes(address.toLowerCase()));
  return {
    port,
    mails,
    to,
    failNext(n) {
      failures = n;
    },
    async waitFor(predicate, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = mails.find(predicate);
        if (found) return found;
        if (Date.now() > until) throw new Error('No such mail arrived in time');
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
