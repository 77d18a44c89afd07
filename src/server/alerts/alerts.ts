// The alert server put together: rows in the store, the sender (webhooks, SMTP), the deliveries
// with their retries and the monitor. compose.ts builds it; the routes read it through AppDeps.
import type { Logger } from 'pino';
import type { AlertsSettings } from '@/shared/alerts-schema';
import type { DisplayDirectory } from '../displays/display-directory';
import type { OccupancyService } from '../occupancy-service';
import type { SettingsService } from '../settings/settings-service';
import type { Store } from '../store/store';
import { createAlertStore } from './alert-store';
import { createSender, type Sender, webhookUrlProblem } from './channels';
import { createDeliveries } from './deliveries';
import { createAlertMonitor } from './monitor';

export interface AlertsOptions {
  store: Store;
  settings: SettingsService;
  occupancy: Pick<OccupancyService, 'answer' | 'onFresh'>;
  displays: Pick<DisplayDirectory, 'all'>;
  now: () => Date;
  logger: Logger;
  /** CACHE_SECONDS in ms: how often the monitor asks on its own. */
  periodMs: number;
  isOpen: (at: Date) => boolean;
  /** ALERT_WEBHOOK_ALLOW_HTTP. */
  allowHttp: boolean;
  /** SMTP_URL and ALERT_EMAIL_FROM, or null. */
  smtp: { url: string; from: string } | null;
  /** Tests: another transport, shorter retries. */
  sender?: Sender;
  retryDelaysMs?: readonly number[];
}

export function createAlerts(options: AlertsOptions) {
  const { settings, now, logger } = options;
  const alertStore = createAlertStore(options.store, () => settings.current().timezone);
  const realSender =
    options.sender === undefined
      ? createSender({
          allowHttp: options.allowHttp,
          smtp: options.smtp,
          site: () => ({ lang: settings.current().locale, timeZone: settings.current().timezone }),
        })
      : null;
  const deliveries = createDeliveries({
    alertStore,
    sender: options.sender ?? realSender!,
    channels: () => settings.current().alerts.channels,
    now,
    logger,
    ...(options.retryDelaysMs === undefined ? {} : { retryDelaysMs: options.retryDelaysMs }),
  });
  const monitor = createAlertMonitor({
    occupancy: options.occupancy,
    settings,
    displays: options.displays,
    alertStore,
    deliveries,
    isOpen: options.isOpen,
    now,
    periodMs: options.periodMs,
    logger,
  });
  return {
    alertStore,
    deliveries,
    monitor,
    /** Email can be sent (SMTP_URL is set). */
    emailEnabled: options.smtp !== null,
    allowHttp: options.allowHttp,
    start() {
      deliveries.start();
      monitor.start();
    },
    stop() {
      monitor.stop();
      deliveries.stop();
      realSender?.close();
    },
  };
}

export type Alerts = ReturnType<typeof createAlerts>;

/**
 * What in the alerts in use (the file's, or saved before the server's variables changed) cannot
 * work: said at start in the log (PUT refuses the same things with a 400).
 */
export function alertsProblems(alerts: AlertsSettings, spaceIds: readonly string[] | null, server: { emailEnabled: boolean; allowHttp: boolean }): string[] {
  const problems: string[] = [];
  alerts.channels.forEach((channel, i) => {
    if (channel.type === 'email' && !server.emailEnabled) problems.push(`alerts.channels.${i} is email, but SMTP_URL is not set: nothing is sent through it`);
    if (channel.type === 'webhook') {
      const problem = webhookUrlProblem(channel.url, server.allowHttp);
      if (problem !== null) problems.push(`alerts.channels.${i}.url ${problem}`);
    }
  });
  if (spaceIds !== null) {
    alerts.rules.forEach((rule, i) => {
      if ((rule.type === 'nearly_full' || rule.type === 'full') && !spaceIds.includes(rule.space)) {
        problems.push(`alerts.rules.${i}.space names "${rule.space}", which is not a space: the rule never fires`);
      }
    });
  }
  return problems;
}
