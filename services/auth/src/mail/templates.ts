import type { MailMessage } from './mail-transport.ts';

// Links put the token after '#', so it never reaches a server log or a Referer header.
const link = (publicUrl: string, path: string, token: string) => `${publicUrl}${path}#token=${token}`;
const sign = '\n\n— Tripwise\n';

export const mails = {
  verifyEmail: (to: string, publicUrl: string, token: string): MailMessage => ({
    to,
    subject: 'Confirm your email for Tripwise',
    text: `Welcome to Tripwise!\n\nConfirm your email address within 24 hours:\n${link(publicUrl, '/verify-email', token)}\n\nIf you did not sign up, ignore this message.${sign}`,
  }),
  alreadyRegistered: (to: string, publicUrl: string): MailMessage => ({
    to,
    subject: 'You already have a Tripwise account',
    text: `Someone (hopefully you) tried to sign up with this address, but it already has an account.\n\nSign in: ${publicUrl}/login\nForgot your password? ${publicUrl}/forgot-password\n\nIf this was not you, you can ignore this message.${sign}`,
  }),
  resetPassword: (to: string, publicUrl: string, token: string): MailMessage => ({
    to,
    subject: 'Reset your Tripwise password',
    text: `Choose a new password within 30 minutes:\n${link(publicUrl, '/reset-password', token)}\n\nIf you did not ask for this, ignore this message: your password stays as it is.${sign}`,
  }),
  adminSetup: (to: string, publicUrl: string, token: string): MailMessage => ({
    to,
    subject: 'Set up your Tripwise admin account',
    text: `An admin account was created for you. Choose its password within 24 hours:\n${link(publicUrl, '/reset-password', token)}\n\nYou will then set up two-factor authentication, which admins must use.${sign}`,
  }),
  passwordChanged: (to: string): MailMessage => ({
    to,
    subject: 'Your Tripwise password was changed',
    text: `The password of your Tripwise account was just changed${'.'}\n\nIf this was not you, reset your password now and contact support.${sign}`,
  }),
  twoFactorChanged: (to: string, enabled: boolean): MailMessage => ({
    to,
    subject: `Two-factor authentication ${enabled ? 'enabled' : 'disabled'}`,
    text: `Two-factor authentication was ${enabled ? 'turned on' : 'turned off'} for your Tripwise account.\n\nIf this was not you, reset your password now.${sign}`,
  }),
  sessionCompromised: (to: string): MailMessage => ({
    to,
    subject: 'We signed you out of a Tripwise session',
    text: `An old sign-in token of your account was used again, which can mean it was stolen. We ended that session to be safe.\n\nIf you did not expect this, change your password and review your sessions.${sign}`,
  }),
};
