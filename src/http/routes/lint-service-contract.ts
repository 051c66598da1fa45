/**
 * The seam between HTTP routes and the engine: lints one document, possibly off the event loop.
 * The service module owns the real implementation (worker threads, limits); routes only call it.
 *
 * Errors a service throws: `ConfigError` (from src/core) for a bad config, and any error carrying a
 * numeric `status` (or `statusCode`) in 400..599 for a limit or an overload; anything else is a
 * server fault.
 */
import type { LintResult } from '../../core/index.js';

export interface LintService {
  lint(text: string, config?: unknown): Promise<LintResult>;
  close(): Promise<void>;
}
