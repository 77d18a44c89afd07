// The German catalog but Settings' (admins only: it loads with Settings, de-settings.ts), as one
// chunk that loads only when de is the language.
import type { Catalog } from '../i18n';

const namespaces = import.meta.glob<Catalog>(['/src/shared/i18n/locales/de/*.json', '!/src/shared/i18n/locales/de/settings.json'], {
  eager: true,
  import: 'default',
});

export default Object.assign({}, ...Object.values(namespaces)) as Catalog;
