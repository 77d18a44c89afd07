// The German catalog of the dashboard and the account pages, as one chunk that loads only
// when de is the language. Settings', history's and the kiosk's messages come with their own code
// (de-settings.ts, de-history.ts, de-kiosk.ts); the alert texts are the server's and /public's
// words its own page's.
import type { Catalog } from '../i18n';

const namespaces = import.meta.glob<Catalog>(
  [
    '/src/shared/i18n/locales/de/*.json',
    '!/src/shared/i18n/locales/de/settings.json',
    '!/src/shared/i18n/locales/de/history.json',
    '!/src/shared/i18n/locales/de/kiosk.json',
    '!/src/shared/i18n/locales/de/alerts.json',
    '!/src/shared/i18n/locales/de/public.json',
  ],
  { eager: true, import: 'default' },
);

export default Object.assign({}, ...Object.values(namespaces)) as Catalog;
