import type { IncomingMessage, ServerResponse } from 'node:http';
import type {
  ErrorRequestHandler,
  Express,
  NextFunction,
  Request,
  RequestHandler,
  Response,
} from 'express';
import type { HttpMetrics } from './metrics.js';

/** A route served below the router: its method and exact path, and its handlers in order. */
export interface HotRoute {
  method: 'GET' | 'HEAD' | 'POST';
  path: string;
  /** The metrics' route label, as the router would give it. */
  label: string;
  /** Middleware between the app-wide ones and the route's handlers (rate limit, auth). */
  guards?: readonly RequestHandler[];
  /**
   * True when the middleware or handlers use Express's additions to the request or response
   * (`req.ip`, `res.json`, ...). Otherwise they, and the error handler, get Node's own objects.
   */
  express?: boolean;
  handlers: readonly RequestHandler[];
}

export interface HotRoutesOptions {
  /**
   * The app-wide middleware, in the order the app uses it (request id, log, headers, CORS); the
   * request id and security headers may be deferred to sendJson (see deferCommonHeaders).
   */
  before: readonly RequestHandler[];
  metrics: HttpMetrics;
  routes: readonly HotRoute[];
  errorHandler: ErrorRequestHandler;
}

/**
 * Serves a few hot routes (the lint route, the probes) without Express's router: a request whose
 * method and path match one exactly runs the same middleware and handlers as through the router,
 * as one fixed chain, and everything else goes to the router. Under load the router's walk over
 * its layers (a path match per mounted router and middleware, parameter and prefix handling on
 * each) was a large share of what the HTTP thread spent per request, and the probes waited behind
 * it. A path the router would also match differently spelled (a trailing slash, another case, a
 * query string) takes the router's way, with the same answer.
 */
export function serveHotRoutes(app: Express, options: HotRoutesOptions): void {
  const { before, metrics, errorHandler } = options;
  // Each route's chain is put together once: the middleware and guards, then its handlers.
  const routes = new Map<string, { route: HotRoute; entry: RequestHandler[] }>();
  for (const route of options.routes) {
    routes.set(`${route.method} ${route.path}`, {
      route,
      entry: [...before, ...(route.guards ?? [])],
    });
  }
  // An Express app is a function that calls its own `handle` (express/lib/express.js), so replacing
  // it reaches every way the app is served: app.listen, http.createServer(app), supertest.
  const handled = app as Express & { handle: RequestHandler };
  const viaRouter = handled.handle.bind(app);

  handled.handle = (req: Request, res: Response, next: NextFunction): void => {
    const found = routes.get(`${req.method} ${req.url}`);
    if (!found) {
      void viaRouter(req, res, next);
      return;
    }
    const { route, entry } = found;
    // Giving Node's request and response Express's prototypes (as Express does for every request)
    // halved what the HTTP thread spent on the lint route: V8 then handles them, in Node's own
    // HTTP code too, as objects of an unusual shape. So only the routes that need it get them.
    if (route.express) adopt(app, req, res);
    // As through the router, the route's label counts once the guards have let the request in.
    let label = 'unmatched';
    const end = metrics.begin();
    const record = () => end(req.method, label, res.statusCode);
    res.on('finish', record);
    res.on('close', record);
    const fail = (error: unknown) =>
      errorHandler(error, req, res, () => {
        // The error came after the response had started: nothing can be said to the client.
        res.destroy();
      });
    run(entry, req, res, (error) => {
      if (error !== undefined) {
        fail(error);
        return;
      }
      label = route.label;
      // Every hot route answers; reaching the end of its chain is a bug.
      run(route.handlers, req, res, (error) =>
        fail(error ?? new Error(`${req.method} ${req.url} was not answered`)),
      );
    });
  };
}

/** Express's set-up of a request and its response: its prototypes, so `req.ip` and `res.json` work. */
function adopt(app: Express, req: IncomingMessage, res: ServerResponse): void {
  const request = req as Request;
  const response = res as Response;
  request.res = response;
  response.req = request;
  Object.setPrototypeOf(req, app.request);
  Object.setPrototypeOf(res, app.response);
  if (!response.locals) response.locals = Object.create(null) as Response['locals'];
}

/**
 * Runs handlers in order as the router runs a route's: each calls `next()` to go on, or
 * `next(error)` (or throws, or returns a rejected promise) to stop with an error.
 */
function run(
  steps: readonly RequestHandler[],
  req: Request,
  res: Response,
  done: (error?: unknown) => void,
): void {
  let index = 0;
  const next = (error?: unknown): void => {
    if (error !== undefined) {
      done(error);
      return;
    }
    const step = steps[index++];
    if (!step) {
      done();
      return;
    }
    try {
      const returned: unknown = step(req, res, next);
      if (returned instanceof Promise) {
        returned.then(undefined, (rejection: unknown) =>
          next(rejection ?? new Error('Rejected promise')),
        );
      }
    } catch (thrown) {
      next(thrown);
    }
  };
  next();
}
