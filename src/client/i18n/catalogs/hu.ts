// The Hungarian catalog but Settings' (admins only: it loads with Settings, hu-settings.ts), as one
// chunk that loads only when hu is the language.
import type { Catalog } from '../i18n';

const namespaces = import.meta.glob<Catalog>(['/src/shared/i18n/locales/hu/*.json', '!/src/shared/i18n/locales/hu/settings.json'], {
  eager: true,
  import: 'default',
});

export default Object.assign({}, ...Object.values(namespaces)) as Catalog;
