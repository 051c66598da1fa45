/** The HTTP adapter's public surface. */
export { createApp, type AppDeps } from './app.js';
export {
  createInProcessLintService,
  createPoolLintService,
  LintServiceError,
  type LintService,
  type PoolLintService,
  type PoolLoad,
} from './lint-service.js';
export { errorBody, HttpError, type ErrorBody } from './errors.js';
export { describeError } from './middleware/errors.js';
export { readSettings, type Settings } from './settings.js';
