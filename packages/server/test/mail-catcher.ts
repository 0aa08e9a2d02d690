import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A received mail, parsed, with the raw header lines for checking exact header values. */
export interface CaughtMail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  /** Header name (lower case) to its raw value, e.g. `list-unsubscribe`. */
  headers: Map<string, string>;
  parsed: ParsedMail;
}

export interface MailCatcher {
  /** `smtp://127.0.0.1:PORT`, for SMTP_URL. */
  url: string;
  mails: CaughtMail[];
  /** The first mail (received or still to come) that matches, within `timeoutMs`. */
  waitFor(match: (mail: CaughtMail) => boolean, timeoutMs?: number): Promise<CaughtMail>;
  /** Mail sent to this address so far. */
  to(address: string): CaughtMail[];
  /** The next `count` deliveries are refused: `transient` with 451, else 550. */
  refuseNext(count: number, kind?: 'transient' | 'permanent'): void;
  close(): Promise<void>;
}

/**
 * A real SMTP server in the test process (the `smtp-server` package) on 127.0.0.1, keeping
 * every mail it accepts, parsed by `mailparser` as a mail app would read it.
 */
export async function startMailCatcher(): Promise<MailCatcher> {
  const mails: CaughtMail[] = [];
  const waiters = new Set<{
    match: (mail: CaughtMail) => boolean;
    resolve: (m: CaughtMail) => void;
  }>();
  let refusals = 0;
  let refusal: 'transient' | 'permanent' = 'transient';

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          if (refusals > 0) {
            refusals -= 1;
            const error = new Error(
              refusal === 'transient' ? 'Try again later' : 'No such mailbox',
            ) as Error & { responseCode: number };
            error.responseCode = refusal === 'transient' ? 451 : 550;
            callback(error);
            return;
          }
          const headers = new Map<string, string>();
          for (const line of parsed.headerLines) {
            headers.set(line.key, line.line.slice(line.line.indexOf(':') + 1).trim());
          }
          const mail: CaughtMail = {
            to: session.envelope.rcptTo.map((r) => r.address).join(', '),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: parsed.html || '',
            headers,
            parsed,
          };
          mails.push(mail);
          callback();
          for (const waiter of waiters) {
            if (waiter.match(mail)) {
              waiters.delete(waiter);
              waiter.resolve(mail);
            }
          }
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    waitFor(match, timeoutMs = 10_000) {
      const found = mails.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { match, resolve };
        waiters.add(waiter);
        setTimeout(() => {
          if (waiters.delete(waiter)) reject(new Error('no matching mail arrived'));
        }, timeoutMs).unref();
      });
    },
    to: (address) =>
      mails.filter((mail) => mail.to === address.toLowerCase() || mail.to === address),
    refuseNext(count, kind = 'transient') {
      refusals = count;
      refusal = kind;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in a mail's text part that starts with `prefix`. */
export function linkIn(mail: CaughtMail, prefix: string): string {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}[^\\s>]*`).exec(mail.text);
  if (!match) throw new Error(`no link starting with ${prefix} in:\n${mail.text}`);
  return match[0];
}
