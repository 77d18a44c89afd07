// The Hungarian catalog of the dashboard and the account pages, as one chunk that loads only
// when hu is the language. Settings', history's and the kiosk's messages come with their own code
// (hu-settings.ts, hu-history.ts, hu-kiosk.ts); the alert texts are the server's and /public's
// words its own page's.
import type { Catalog } from '../i18n';

const namespaces = import.meta.glob<Catalog>(
  [
    '/src/shared/i18n/locales/hu/*.json',
    '!/src/shared/i18n/locales/hu/settings.json',
    '!/src/shared/i18n/locales/hu/history.json',
    '!/src/shared/i18n/locales/hu/kiosk.json',
    '!/src/shared/i18n/locales/hu/alerts.json',
    '!/src/shared/i18n/locales/hu/public.json',
  ],
  { eager: true, import: 'default' },
);

export default Object.assign({}, ...Object.values(namespaces)) as Catalog;
