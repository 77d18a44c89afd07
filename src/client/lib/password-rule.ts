// The password rule as the forms say it before sending; the server enforces the same limits.
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/shared/api-schema';

export const PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words are easy to remember and hard to guess.`;

/** What is wrong with a new password typed twice, per field; empty when it may be sent. */
export function checkNewPassword(password: string, again: string): { password?: string; again?: string } {
  if (password.length === 0) return { password: 'Type a new password.' };
  // Characters as a person counts them, not UTF-16 units.
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    return { password: `The password is ${[...password].length} characters long; it needs at least ${PASSWORD_MIN_LENGTH}.` };
  }
  if (password.length > PASSWORD_MAX_LENGTH) return { password: `The password may have at most ${PASSWORD_MAX_LENGTH} characters.` };
  if (again !== password) return { again: 'The two passwords are not the same.' };
  return {};
}
