// The password rule as the forms say it before sending; the server enforces the same limits.
import { t } from '@/client/i18n/i18n';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/shared/api-schema';

/** The rule under a new-password field, in the active language. */
export const passwordHint = () => t('auth.password.hint', { min: PASSWORD_MIN_LENGTH });

/** What is wrong with a new password typed twice, per field; empty when it may be sent. */
export function checkNewPassword(password: string, again: string): { password?: string; again?: string } {
  if (password.length === 0) return { password: t('auth.password.missing') };
  // Characters as a person counts them, not UTF-16 units.
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    return { password: t('auth.password.tooShort', { length: [...password].length, min: PASSWORD_MIN_LENGTH }) };
  }
  if (password.length > PASSWORD_MAX_LENGTH) return { password: t('auth.password.tooLong', { max: PASSWORD_MAX_LENGTH }) };
  if (again !== password) return { again: t('auth.password.mismatch') };
  return {};
}
