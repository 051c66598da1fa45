# syntax=docker/dockerfile:1
# mtlint's HTTP service. Build: `docker build -t mtlint .`; run: `docker run --read-only -p 3000:3000 mtlint`.
# See docs/deploy.md. Both stages use the same official image; pin a digest for reproducible builds with
# `--build-arg NODE_IMAGE=node:20-bookworm-slim@sha256:...`.
ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: all dependencies, compile TypeScript, copy rule data, bundle the web page ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Manifests first, so the dependency layer is reused while only sources change. No lifecycle
# scripts: the sources are not here yet for a `prepare` build, and no dependency needs one
# (the project installs the same way everywhere, as npm 11 does by default).
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY . .
RUN npm run build

# ---- runtime: production dependencies, the built service and the files it reads ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the package's own `prepare` builds, and there is nothing to build here.
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
# The compiled server, lint workers and rules (with their word lists), and the editor's page.
COPY --from=build /app/dist/src ./dist/src
COPY --from=build /app/dist/rules ./dist/rules
COPY --from=build /app/dist/web ./dist/web
# GET /rules/<id>/README.md serves the rules' documentation from the package's rules/ folder.
COPY --from=build /app/rules ./rules
# Files stay owned by root and read-only to the service; the service writes nothing but its logs
# (to stdout), so the container runs with a read-only root filesystem. 1000 is the image's `node`
# user, named by number so that Kubernetes' runAsNonRoot can check it.
USER 1000:1000
EXPOSE 3000
# Docker's own check (Kubernetes uses the Deployment's probes instead). Node itself, no curl in the
# slim image: exit 0 when /healthz answers 2xx within 4 s.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node is PID 1 (exec form, no shell in between), so SIGTERM reaches the server, which drains.
# --single-threaded-gc: see src/http/node-flags.ts.
STOPSIGNAL SIGTERM
CMD ["node", "--single-threaded-gc", "dist/src/server.js"]
