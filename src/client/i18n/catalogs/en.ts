// The English catalog but Settings' (admins only: it loads with Settings, en-settings.ts), as one
// chunk that loads only when en is the language.
import type { Catalog } from '../i18n';

const namespaces = import.meta.glob<Catalog>(['/src/shared/i18n/locales/en/*.json', '!/src/shared/i18n/locales/en/settings.json'], {
  eager: true,
  import: 'default',
});

export default Object.assign({}, ...Object.values(namespaces)) as Catalog;
