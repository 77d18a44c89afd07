// Today's curve's and the history view's Hungarian messages: a chunk of their own, loaded with them.
import type { Catalog } from '../i18n';
import history from '@/shared/i18n/locales/hu/history.json';

export default history as Catalog;
