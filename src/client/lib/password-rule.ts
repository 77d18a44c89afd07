// The password rule as the forms say it before sending; the server enforces the same rule.
export const PASSWORD_MIN_LENGTH = 10;

export const PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words are easy to remember and hard to guess.`;

/** What is wrong with a new password typed twice, per field; empty when it may be sent. */
export function checkNewPassword(password: string, again: string): { password?: string; again?: string } {
  if (password.length === 0) return { password: 'Type a new password.' };
  // Characters as a person counts them, not UTF-16 units.
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    return { password: `The password is ${[...password].length} characters long; it needs at least ${PASSWORD_MIN_LENGTH}.` };
  }
  if (again !== password) return { again: 'The two passwords are not the same.' };
  return {};
}
