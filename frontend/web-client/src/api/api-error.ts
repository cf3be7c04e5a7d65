// The problem+json error type lives in @tripwise/web-session, shared with the admin portal.
export { ApiError, messageOf } from '@tripwise/web-session';
