// Settings ▸ Alerts talks to the admin API: the alerts as saved (GET /api/admin/settings), the
// spaces and doors rules may name (the live answer), saving (PUT /api/admin/settings/alerts), a
// test send through a channel as entered (POST /api/admin/alerts/test) and the alert log.
import { queryOptions } from '@tanstack/react-query';
import { fetchJson } from '@/client/lib/api-client';
import { type AdminSettings, adminSettingsSchema } from '@/shared/admin-settings-schema';
import { type AlertTestResult, alertLogSchema, alertTestResultSchema, type AlertsSettings, type ChannelConfig } from '@/shared/alerts-schema';
import { occupancySchema } from '@/shared/api-schema';

/** Deliveries change while the page is open (retries, new alerts): asked again this often. */
export const ALERT_LOG_REFRESH_MS = 30_000;

export const alertLogQueryOptions = () =>
  queryOptions({
    queryKey: ['admin', 'alerts', 'log'],
    queryFn: ({ signal }) => fetchJson('/api/admin/alerts/log', alertLogSchema, { signal }),
    refetchInterval: ALERT_LOG_REFRESH_MS,
  });

export interface AlertSpace {
  id: string;
  name: string;
  depth: number;
  /** A capacity rule needs one. */
  hasCapacity: boolean;
}

export interface AlertTargets {
  spaces: AlertSpace[];
  devices: { id: number; name: string }[];
}

/** The spaces and doors as the live answer has them (the default tree too: the site and a space per door). */
export const alertTargetsQueryOptions = () =>
  queryOptions({
    queryKey: ['settings', 'alerts', 'targets'],
    queryFn: async ({ signal }): Promise<AlertTargets> => {
      const answer = await fetchJson('/api/occupancy', occupancySchema, { signal });
      const depth = new Map<string, number>();
      const spaces = answer.spaces.map((s) => {
        const d = s.parent === null ? 0 : (depth.get(s.parent) ?? 0) + 1;
        depth.set(s.id, d);
        return { id: s.id, name: s.name, depth: d, hasCapacity: s.capacity !== null };
      });
      return { spaces, devices: answer.devices.map((d) => ({ id: d.id, name: d.name })) };
    },
    staleTime: 60_000,
  });

export function saveAlerts(value: AlertsSettings): Promise<AdminSettings> {
  return fetchJson('/api/admin/settings/alerts', adminSettingsSchema, { method: 'PUT', body: value });
}

/** Sends a test message through the channel as entered; the server answers ok or the reason. */
export function sendTestAlert(channel: ChannelConfig): Promise<AlertTestResult> {
  // A slow receiver may take the server's whole 10 s timeout, and an SMTP server longer.
  return fetchJson('/api/admin/alerts/test', alertTestResultSchema, { method: 'POST', body: { channel }, timeoutMs: 45_000 });
}
