// The message keys, typed from the English catalogs (English is complete by the check script's
// rule, scripts/check-messages.ts): a key that does not exist fails the type-check.
import type alerts from './locales/en/alerts.json';
import type app from './locales/en/app.json';
import type auth from './locales/en/auth.json';
import type common from './locales/en/common.json';
import type dashboard from './locales/en/dashboard.json';
import type errors from './locales/en/errors.json';
import type exportMessages from './locales/en/export.json';
import type history from './locales/en/history.json';
import type kiosk from './locales/en/kiosk.json';
import type publicMessages from './locales/en/public.json';
import type settings from './locales/en/settings.json';

/** Each catalog file is a namespace; its keys start with its name and a dot. */
export const NAMESPACES = ['common', 'app', 'dashboard', 'kiosk', 'export', 'history', 'auth', 'settings', 'alerts', 'errors', 'public'] as const;
export type Namespace = (typeof NAMESPACES)[number];

interface Catalogs {
  alerts: typeof alerts;
  app: typeof app;
  auth: typeof auth;
  common: typeof common;
  dashboard: typeof dashboard;
  errors: typeof errors;
  export: typeof exportMessages;
  history: typeof history;
  kiosk: typeof kiosk;
  public: typeof publicMessages;
  settings: typeof settings;
}

export type MessageKey = { [N in Namespace]: keyof Catalogs[N] & string }[Namespace];

/** The values a message's {arguments} take. */
export type MessageValues = Record<string, string | number | Date>;
