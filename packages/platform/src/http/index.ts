export { accessLogMiddleware } from './access-log.middleware.ts';
export { runBackgroundTasks, type BackgroundTask, type RunningTasks } from './background-tasks.ts';
export { bootService, type BootContext, type BootOptions } from './boot-service.ts';
export { documentedRouter, type DocumentedRouter, type RouteInput, type RouteSpec } from './documented-router.ts';
export {
  actsAsAdmin,
  assertSecondFactorIfAdmin,
  guardFor,
  isAdminWithoutSecondFactor,
  type AccessPolicy,
  type IdentityFor,
  type RouteAccess,
} from './route-access.ts';
export { openApiDocument } from './openapi.ts';
export { decodeCursor, encodeCursor } from './cursor.ts';
export { openStorage } from './open-storage.ts';
export { createService, type Mount, type Service, type ServiceOptions } from './create-service.ts';
export { MAX_JSON_DEPTH, jsonBody, jsonNestingDepth, rejectMalformedPath } from './hostile-input.ts';
export { healthRouter, type ReadinessCheck } from './health.routes.ts';
export { REQUEST_ID_HEADER, acceptOrCreateRequestId, requestIdMiddleware } from './request-id.middleware.ts';
export { initSentry, type ErrorReporter } from './sentry.ts';
export {
  startService,
  type Closer,
  type ListeningMessage,
  type RunningService,
  type StartOptions,
} from './start-service.ts';
