// The browser session and API access both Tripwise frontends use (the web client and the admin portal). The React
// hook is at `@tripwise/web-session/react`, so code without React can import this.
export { session, refresh, type SessionState, type SessionUser, type TokenAnswer } from './session.ts';
export { api, publicPost, queryString, type RequestOptions } from './http.ts';
export { ApiError, messageOf } from './api-error.ts';
export { startErrorReporting } from './error-reporting.ts';
