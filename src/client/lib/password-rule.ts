// The password rule as the forms say it before sending; the server enforces the same limits.
import { t } from '@/client/i18n/i18n';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/shared/api-schema';

/** The hint under a new password, in the active language. */
export function passwordHint(): string {
  return t('errors.password.hint', { min: PASSWORD_MIN_LENGTH });
}

/**
 * @deprecated English only, read once at load: use passwordHint(). Kept until the account and
 * Settings forms (other files) switch to it.
 */
export const PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words are easy to remember and hard to guess.`;

/** What is wrong with a new password typed twice, per field; empty when it may be sent. */
export function checkNewPassword(password: string, again: string): { password?: string; again?: string } {
  if (password.length === 0) return { password: t('errors.password.empty') };
  // Characters as a person counts them, not UTF-16 units.
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return { password: t('errors.password.short', { length, min: PASSWORD_MIN_LENGTH }) };
  if (password.length > PASSWORD_MAX_LENGTH) return { password: t('errors.password.long', { max: PASSWORD_MAX_LENGTH }) };
  if (again !== password) return { again: t('errors.password.mismatch') };
  return {};
}
