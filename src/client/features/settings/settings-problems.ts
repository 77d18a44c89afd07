// What a refusal or failure from the server says on a Settings screen. The server speaks English
// ({ error: { code, message, field } }); in English its message is shown as it is (it is the most
// precise), in another language the screen says it itself from the code (and the field).
import { activeLanguage, t } from '@/client/i18n/i18n';
import { ApiRequestError, type RequestErrorCode } from '@/client/lib/api-client';
import type { MessageKey } from '@/shared/i18n/message-key';

const CODE_WORDS: Partial<Record<RequestErrorCode, MessageKey>> = {
  network: 'settings.problem.network',
  invalid_response: 'settings.problem.invalidResponse',
  unauthorized: 'settings.problem.unauthorized',
  forbidden: 'settings.problem.forbidden',
  locked: 'settings.problem.locked',
  conflict: 'settings.problem.conflict',
  not_found: 'settings.problem.notFound',
  rate_limited: 'settings.problem.rateLimited',
  bad_request: 'settings.problem.badRequest',
  internal: 'settings.problem.internal',
};

/** Why something failed, as one sentence in the active language. */
export function problemText(error: unknown): string {
  if (activeLanguage() === 'en' && error instanceof Error) return error.message;
  if (!(error instanceof ApiRequestError)) return t('settings.problem.unknown');
  return t(CODE_WORDS[error.code] ?? 'settings.problem.unknown');
}

/**
 * A refusal shown at its field: in English the server's message without the field's path it
 * starts with ("special.0.date is not …" → "This is not …"), else a sentence from the code.
 */
export function fieldProblem(error: ApiRequestError, path: string, englishSubject = 'This'): string {
  if (activeLanguage() !== 'en') return t(error.code === 'locked' ? 'settings.problem.locked' : 'settings.problem.fieldRefused');
  const rest = error.message.startsWith(`${path} `) ? error.message.slice(path.length + 1) : error.message;
  return /^[a-z]/.test(rest) ? `${englishSubject} ${rest.replace(/\.$/, '')}.` : rest;
}
