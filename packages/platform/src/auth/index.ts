export { ROLES, accessTokenClaimsSchema, type Identity, type Role } from './identity.ts';
export {
  cachingDenyCheck,
  httpDenyCheck,
  isSessionDenied,
  sessionDenyKey,
  type DenyCheck,
} from './session-deny-list.ts';
export { requireServiceToken } from './service-token.ts';
export { bearerToken, requireAuth, type RequireAuthOptions } from './require-auth.middleware.ts';
export {
  createTokenVerifier,
  verifierFromConfig,
  type TokenVerifier,
  type TokenVerifierOptions,
} from './token-verifier.ts';
