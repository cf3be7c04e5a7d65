// The server's rules for a new password (services/auth password-policy), checked here too so the form can say
// what is wrong before sending. The server also refuses the ~49,000 most common passwords, which only it knows.
export const PASSWORD_MAX = 128;

/** 12 characters, or 8 when two-factor authentication protects the account. */
export const passwordMin = (hasSecondFactor: boolean) => (hasSecondFactor ? 8 : 12);

export function passwordRulesText(hasSecondFactor: boolean): string {
  return `At least ${passwordMin(hasSecondFactor)} characters (a few words make a good one). Not a common password, and not containing your email address.`;
}

/** What is wrong with a new password, as far as the browser can tell; null if nothing. */
export function passwordProblem(password: string, email: string, hasSecondFactor = false): string | null {
  const length = [...password.normalize('NFKC')].length;
  const min = passwordMin(hasSecondFactor);
  if (length < min) return `Use at least ${min} characters (${length} so far).`;
  if (length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const localPart = email.split('@')[0]?.trim().toLowerCase() ?? '';
  if (localPart.length >= 3 && password.toLowerCase().includes(localPart)) {
    return 'The password must not contain your email address.';
  }
  return null;
}
