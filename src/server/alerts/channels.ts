// Sends one alert through one channel: a webhook POST (json, slack or teams shape) or an email over
// SMTP (nodemailer). Throws a DeliveryError with a short reason for the alert log; never logs or
// returns the URL (webhook URLs carry their own secret) nor the SMTP credentials.
import { createTransport } from 'nodemailer';
import type { AlertEvent, ChannelConfig, WebhookFormat } from '@/shared/alerts-schema';
import { type AlertSite, alertTime, alertWords } from './alert-words';

export const SEND_TIMEOUT_MS = 10_000;

export class DeliveryError extends Error {
  override name = 'DeliveryError';
}

export interface SenderOptions {
  /** ALERT_WEBHOOK_ALLOW_HTTP: plain http to any host (otherwise loopback only). */
  allowHttp: boolean;
  /** SMTP_URL and ALERT_EMAIL_FROM; null: no email. */
  smtp: { url: string; from: string } | null;
  timeoutMs?: number;
  /** The site's language and zone as they are when a message is sent (the settings may change). */
  site: () => AlertSite;
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** Why this webhook URL may not be used, or null. */
export function webhookUrlProblem(url: string, allowHttp: boolean): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a web address';
  }
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol !== 'http:') return 'must start with https://';
  if (allowHttp || LOOPBACK.test(parsed.hostname)) return null;
  return 'must use https:// (plain http is allowed only to this machine, or with ALERT_WEBHOOK_ALLOW_HTTP=true on the server)';
}

/** Slack's mrkdwn needs these three escaped. */
const slackEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The POST body of a webhook in its format; `site` words the Teams card's time (the JSON keeps the ISO `at`). */
export function webhookBody(format: WebhookFormat, event: AlertEvent, site: AlertSite): unknown {
  if (format === 'json') return event;
  if (format === 'slack') return { text: event.resolved ? `:white_check_mark: ${slackEscape(event.text)}` : `:warning: *${slackEscape(event.text)}*` };
  // Teams: a Workflows ("When a Teams webhook request is received") message with an Adaptive Card;
  // the retired Office 365 connectors took a MessageCard instead.
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: event.text, wrap: true, weight: event.resolved ? 'Default' : 'Bolder', color: event.resolved ? 'Good' : 'Attention' },
            { type: 'TextBlock', text: alertTime(site, event.at), isSubtle: true, spacing: 'None', size: 'Small' },
          ],
        },
      },
    ],
  };
}

function fetchReason(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; cause?: { code?: string; name?: string } };
  if (e.name === 'TimeoutError' || e.cause?.name === 'TimeoutError') return `timed out after ${Math.round(timeoutMs / 1000)} s`;
  if (e.cause?.code !== undefined) return `could not connect (${e.cause.code})`;
  return 'could not connect';
}

function smtpReason(error: unknown): string {
  const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
  if (e.response !== undefined) return `SMTP ${e.response}`.slice(0, 200);
  if (e.code === 'ETIMEDOUT') return 'the mail server did not answer in time';
  if (e.code !== undefined) return `could not send (${e.code})`;
  return 'could not send';
}

export function createSender(options: SenderOptions) {
  const timeoutMs = options.timeoutMs ?? SEND_TIMEOUT_MS;
  let transport: ReturnType<typeof createTransport> | null = null;
  const mailer = (url: string) => (transport ??= createTransport({ url, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs }));

  async function postWebhook(channel: Extract<ChannelConfig, { type: 'webhook' }>, event: AlertEvent) {
    const problem = webhookUrlProblem(channel.url, options.allowHttp);
    if (problem !== null) throw new DeliveryError(`the URL ${problem}`);
    let response: Response;
    try {
      response = await fetch(channel.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'User-Agent': 'Occupancy-Live-Alerts' },
        body: JSON.stringify(webhookBody(channel.format, event, options.site())),
        // A redirect could lead to a plain-http host the check above refused.
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new DeliveryError(fetchReason(error, timeoutMs));
    }
    // The body is not needed; reading it frees the connection.
    await response.arrayBuffer().catch(() => undefined);
    if (response.status < 200 || response.status > 299) throw new DeliveryError(`HTTP ${response.status}`);
  }

  async function sendEmail(channel: Extract<ChannelConfig, { type: 'email' }>, event: AlertEvent) {
    if (options.smtp === null) throw new DeliveryError('the server has no SMTP_URL');
    const site = options.site();
    try {
      await mailer(options.smtp.url).sendMail({
        from: options.smtp.from,
        to: channel.to,
        subject: alertWords.emailSubject(site.lang, event.text),
        text: alertWords.emailBody(site, event.text, event.at),
      });
    } catch (error) {
      throw new DeliveryError(smtpReason(error));
    }
  }

  return {
    /** Resolves when the channel took the message; throws a DeliveryError with the reason otherwise. */
    send(channel: ChannelConfig, event: AlertEvent): Promise<void> {
      return channel.type === 'webhook' ? postWebhook(channel, event) : sendEmail(channel, event);
    },
    close() {
      transport?.close();
      transport = null;
    },
  };
}

export type Sender = Pick<ReturnType<typeof createSender>, 'send'>;
