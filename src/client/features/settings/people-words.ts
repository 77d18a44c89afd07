// The words of Settings ▸ People that are decided, not drawn: when a set-password link runs out
// ("14:05 tomorrow") and what a refused change says and where.
import { activeLanguage, activeLocale, t } from '@/client/i18n/i18n';
import { ApiRequestError } from '@/client/lib/api-client';
import { formatClockTime, localDateKey } from '@/client/lib/format';
import type { MessageKey } from '@/shared/i18n/message-key';

const DAY_MS = 24 * 60 * 60 * 1000;

/** "14:05 today", "14:05 tomorrow", or "Fri 27 Nov, 14:05", in the viewer's own zone unless given. */
export function linkExpiryWords(expiresAt: string, now: number, timeZone = new Intl.DateTimeFormat().resolvedOptions().timeZone): string {
  const time = formatClockTime(expiresAt, timeZone, { seconds: false });
  const day = localDateKey(expiresAt, timeZone);
  if (day === localDateKey(new Date(now), timeZone)) return t('settings.people.expiryToday', { time });
  if (day === localDateKey(new Date(now + DAY_MS), timeZone)) return t('settings.people.expiryTomorrow', { time });
  const date = new Intl.DateTimeFormat(activeLocale(), { weekday: 'short', day: 'numeric', month: 'short', timeZone }).format(new Date(expiresAt));
  return t('settings.people.expiryDate', { date, time });
}

/** The fields of the add form a server refusal can name. */
export type PersonField = 'name' | 'email' | 'role';

export interface PeopleFailure {
  message: string;
  /** The field of the form the refusal is about, when it names one. */
  field?: PersonField;
}

/** Why a change to people did not happen, in words; the server's own words where it has them. */
export function describePeopleFailure(error: unknown): PeopleFailure {
  if (!(error instanceof ApiRequestError)) return { message: t('settings.people.problem.unknown') };
  switch (error.code) {
    case 'network':
      return { message: t('settings.people.problem.network') };
    case 'bad_request':
    case 'conflict':
    case 'not_found': {
      const field = error.field === 'name' || error.field === 'email' || error.field === 'role' ? error.field : undefined;
      // The server's words are English: another language says it from the code and the field.
      if (activeLanguage() !== 'en') return field === undefined ? { message: otherWords(error.code) } : { message: otherFieldWords(error.code, field), field };
      return field === undefined ? { message: error.message } : { message: fieldMessage(field, error.message), field };
    }
    case 'forbidden':
      return { message: t('settings.people.problem.forbidden') };
    case 'rate_limited':
      return { message: t('settings.people.problem.busy') };
    default:
      return { message: activeLanguage() === 'en' ? `Nothing was changed. ${error.message}` : t('settings.people.problem.unknown') };
  }
}

function otherWords(code: string): string {
  if (code === 'not_found') return t('settings.people.problem.notFound');
  return code === 'conflict' ? t('settings.people.problem.conflict') : t('settings.people.problem.refused');
}

function otherFieldWords(code: string, field: PersonField): string {
  if (field === 'email') return code === 'conflict' ? t('settings.people.problem.emailTaken') : t('settings.people.problem.emailRefused');
  if (field === 'role') return code === 'conflict' ? t('settings.people.problem.lastAdmin') : t('settings.people.problem.refused');
  return t('settings.people.problem.nameRefused');
}

/** The server says "email is not an email address."; under the Email field, "This is not an email address." reads better. */
function fieldMessage(field: PersonField, message: string): string {
  const prefix = `${field} `;
  if (!message.startsWith(prefix)) return message;
  const rest = message.slice(prefix.length);
  const label = field === 'email' ? 'The email address' : field === 'name' ? 'The name' : 'The role';
  return `${label} ${rest}`;
}

/** Each role's name and what it may do, as keys (said at render in the active language). */
export const ROLE_WORDS: Record<'admin' | 'staff', { name: MessageKey; may: MessageKey }> = {
  admin: { name: 'settings.people.roleAdmin', may: 'settings.people.roleAdminMay' },
  staff: { name: 'settings.people.roleStaff', may: 'settings.people.roleStaffMay' },
};
