import nodemailer, { type NodemailerError } from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../config';

/** One message as it leaves Rapport: both parts, and headers such as List-Unsubscribe. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/**
 * Where mail goes: an SMTP server (`SMTP_URL`), or the log when there is none, so a fresh
 * install or the demo shows what it would have sent (reset links included) without sending.
 */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** A failure that sending the same message again would meet again (a 5xx reply). */
export function isPermanentFailure(error: unknown): boolean {
  return (error as NodemailerError | null)?.permanent === true;
}

export function createMailer(config: Config, log: Logger): Mailer {
  if (!config.smtpUrl) {
    return {
      async send(mail) {
        log.info(
          { mail: { to: mail.to, subject: mail.subject, text: mail.text } },
          'mail not sent (SMTP_URL is not set)',
        );
      },
      close() {},
    };
  }
  const transport = nodemailer.createTransport(
    {
      url: config.smtpUrl,
      // A stalled server must not hold the outbox for nodemailer's default ten minutes.
      connectionTimeout: 20_000,
      greetingTimeout: 20_000,
      socketTimeout: 60_000,
    },
    { from: config.mailFrom },
  );
  return {
    async send(mail) {
      await transport.sendMail({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
      });
    },
    close() {
      transport.close();
    },
  };
}
