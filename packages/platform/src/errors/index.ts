export {
  AppError,
  badRequest,
  conflict,
  forbidden,
  notFound,
  serviceUnavailable,
  unauthorized,
  type AppErrorOptions,
  type FieldError,
} from './app-error.ts';
export { PROBLEM_CONTENT_TYPE, problemType, toProblem, type Problem } from './problem.ts';
export { errorMiddleware, notFoundMiddleware, sendProblem, type ErrorMiddlewareOptions } from './error.middleware.ts';
export { parseInput } from './validation.ts';
export { unavailableDependency, type Dependency } from './dependency-errors.ts';
