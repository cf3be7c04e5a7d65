// The session lives in @tripwise/web-session, shared with the admin portal (same origin, same refresh cookie).
export { session, refresh, type SessionState, type SessionUser, type TokenAnswer } from '@tripwise/web-session';
