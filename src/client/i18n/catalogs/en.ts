// The English catalog of the dashboard and the account pages, as one chunk that loads only
// when en is the language. Settings', history's and the kiosk's messages come with their own code
// (en-settings.ts, en-history.ts, en-kiosk.ts); the alert texts are the server's and /public's
// words its own page's.
import type { Catalog } from '../i18n';

const namespaces = import.meta.glob<Catalog>(
  [
    '/src/shared/i18n/locales/en/*.json',
    '!/src/shared/i18n/locales/en/settings.json',
    '!/src/shared/i18n/locales/en/history.json',
    '!/src/shared/i18n/locales/en/kiosk.json',
    '!/src/shared/i18n/locales/en/alerts.json',
    '!/src/shared/i18n/locales/en/public.json',
  ],
  { eager: true, import: 'default' },
);

export default Object.assign({}, ...Object.values(namespaces)) as Catalog;
