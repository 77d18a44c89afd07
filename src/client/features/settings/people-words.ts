// The words of Settings ▸ People that are decided, not drawn: when a set-password link runs out
// ("14:05 tomorrow") and what a refused change says and where.
import { ApiRequestError } from '@/client/lib/api-client';
import { formatClockTime, localDateKey } from '@/client/lib/format';

const DAY_MS = 24 * 60 * 60 * 1000;

/** "14:05 today", "14:05 tomorrow", or "Fri 27 Nov, 14:05", in the viewer's own zone unless given. */
export function linkExpiryWords(expiresAt: string, now: number, timeZone = new Intl.DateTimeFormat().resolvedOptions().timeZone): string {
  const time = formatClockTime(expiresAt, timeZone, { seconds: false });
  const day = localDateKey(expiresAt, timeZone);
  if (day === localDateKey(new Date(now), timeZone)) return `${time} today`;
  if (day === localDateKey(new Date(now + DAY_MS), timeZone)) return `${time} tomorrow`;
  const date = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone }).format(new Date(expiresAt));
  return `${date}, ${time}`;
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
  if (!(error instanceof ApiRequestError)) return { message: 'Something went wrong. Nothing was changed; try again.' };
  switch (error.code) {
    case 'network':
      return { message: 'The server could not be reached. Nothing was changed: check the connection and try again.' };
    case 'bad_request':
    case 'conflict':
    case 'not_found': {
      const field = error.field === 'name' || error.field === 'email' || error.field === 'role' ? error.field : undefined;
      return field === undefined ? { message: error.message } : { message: fieldMessage(field, error.message), field };
    }
    case 'forbidden':
      return { message: 'Only an administrator can change who has an account.' };
    case 'rate_limited':
      return { message: 'The server is busy. Nothing was changed; try again in a moment.' };
    default:
      return { message: `Nothing was changed. ${error.message}` };
  }
}

/** The server says "email is not an email address."; under the Email field, "This is not an email address." reads better. */
function fieldMessage(field: PersonField, message: string): string {
  const prefix = `${field} `;
  if (!message.startsWith(prefix)) return message;
  const rest = message.slice(prefix.length);
  const label = field === 'email' ? 'The email address' : field === 'name' ? 'The name' : 'The role';
  return `${label} ${rest}`;
}
