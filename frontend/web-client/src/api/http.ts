// The API client lives in @tripwise/web-session, shared with the admin portal.
export { api, queryString, type RequestOptions } from '@tripwise/web-session';
