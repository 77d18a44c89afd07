// Settings' English messages: a chunk of its own, loaded with the Settings screens.
import type { Catalog } from '../i18n';
import settings from '@/shared/i18n/locales/en/settings.json';

export default settings as Catalog;
