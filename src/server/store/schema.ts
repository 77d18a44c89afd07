// The store's tables as Kysely sees them. better-auth owns `user`, `session`, `account` and
// `verification` (its own column names); the rest are ours, in snake case.
import type { Generated } from 'kysely';

export interface UserTable {
  id: string;
  name: string;
  email: string;
  emailVerified: number;
  image: string | null;
  createdAt: string;
  updatedAt: string;
  role: string | null;
  banned: number | null;
  banReason: string | null;
  banExpires: string | null;
  /** The language this person chose (en, de, hu); null: the site's. */
  locale: string | null;
}

export interface SessionTable {
  id: string;
  expiresAt: string;
  token: string;
  createdAt: string;
  updatedAt: string;
  ipAddress: string | null;
  userAgent: string | null;
  userId: string;
  impersonatedBy: string | null;
}

export interface SettingsTable {
  key: string;
  /** JSON. */
  value: string;
  updated_at: string;
  updated_by: string | null;
}

export interface DisplayTable {
  id: string;
  name: string;
  /** SHA-256 of the link's token, hex: the token itself is never stored. */
  token_hash: string;
  /** JSON array of space ids, or null for every space. */
  spaces: string | null;
  mode: string | null;
  theme: string | null;
  lang: string | null;
  created_at: string;
  created_by: string | null;
  last_seen_at: string | null;
  revoked_at: string | null;
  /** 1: the kiosk chimes when its space turns full. */
  chime: Generated<number>;
}

export interface AuditTable {
  id: Generated<number>;
  at: string;
  actor_id: string | null;
  /** Who, in words (an email, "display: Lobby", "open demo"). */
  actor: string;
  action: string;
  target: string | null;
  /** JSON. */
  detail: string | null;
}

export interface MetaTable {
  key: string;
  value: string;
}

/** What the alert engine remembers per rule and target (JSON), across restarts. */
export interface AlertStateTable {
  key: string;
  value: string;
  updated_at: string;
}

/** One alert as it happened (JSON of alertEventSchema); pruned to the newest few hundred. */
export interface AlertEventTable {
  id: Generated<number>;
  /** UTC instant. */
  at: string;
  body: string;
}

/** One alert sent (or being sent) through one channel; a test send has no event. */
export interface AlertDeliveryTable {
  id: Generated<number>;
  event_id: number | null;
  at: string;
  channel_id: string;
  channel_type: string;
  /** JSON of the alert event. */
  body: string;
  /** sent, retrying or failed. */
  status: string;
  attempts: Generated<number>;
  reason: string | null;
  attempted_at: string | null;
  next_attempt_at: string | null;
}

export interface StoreSchema {
  user: UserTable;
  session: SessionTable;
  settings: SettingsTable;
  display: DisplayTable;
  audit: AuditTable;
  meta: MetaTable;
  alert_state: AlertStateTable;
  alert_event: AlertEventTable;
  alert_delivery: AlertDeliveryTable;
}
