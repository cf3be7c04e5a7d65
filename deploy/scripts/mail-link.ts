/**
 * The token of the e-mail confirmation link sent to `email`, read from a MailDev catcher's REST API (`GET
 * /api/email`, the development stack's `smtp` service): booking needs a confirmed address, and a smoke test has no
 * inbox of its own.
 */
export async function confirmationTokenFrom(mailApi: string, email: string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${mailApi.replace(/\/$/, '')}/api/email`, { signal: AbortSignal.timeout(5_000) }).catch(
      () => undefined,
    );
    if (res?.ok) {
      const mails = (await res.json()) as { to?: { address: string }[]; text?: string }[];
      const mine = mails.filter((m) => m.to?.some((t) => t.address.toLowerCase() === email.toLowerCase()));
      for (const mail of mine.reverse()) {
        const token = /\/verify-email#token=([A-Za-z0-9_.~-]+)/.exec(mail.text ?? '')?.[1];
        if (token) return token;
      }
    }
    if (Date.now() > deadline) {
      throw new Error(`no confirmation mail for ${email} at ${mailApi} within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
