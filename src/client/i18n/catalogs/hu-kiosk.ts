// The kiosk's Hungarian messages: a chunk of their own, loaded with the kiosk's code.
import type { Catalog } from '../i18n';
import kiosk from '@/shared/i18n/locales/hu/kiosk.json';

export default kiosk as Catalog;
