# syntax=docker/dockerfile:1
# The add-on as one process image (issue 15, item 1): built in one stage, run from another with
# production dependencies only, as an unprivileged user, health-checked on /readyz.
#
#   docker build -t dialnexa-addon .
#   docker run -p 3000:3000 -v addon-data:/data --env-file addon.env dialnexa-addon
#
# Without ServiceM8 credentials in the environment the image starts in sandbox mode (README).
ARG NODE_IMAGE=node:20-bookworm-slim

# better-sqlite3 downloads a prebuilt binary for glibc x64/arm64; the compiler is there for platforms
# without one (its install script falls back to node-gyp).
FROM ${NODE_IMAGE} AS toolchain
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./

# Everything, dev dependencies included, to compile the server (esbuild) and the panel (vite) into dist/.
FROM toolchain AS build
RUN npm ci --no-audit --no-fund
COPY tsconfig.json vite.config.ts ./
COPY scripts ./scripts
COPY server ./server
COPY addon-ui ./addon-ui
RUN npm run build

# Production dependencies only: no TypeScript loader, no bundler in the running image.
FROM toolchain AS deps
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    DATABASE_URL=sqlite:/data/addon.sqlite
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# The embedded database lives on a volume the unprivileged user owns (PostgreSQL: set DATABASE_URL).
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# Ready means migrated and warmed (server/warm-up.ts); the first check waits out start-up.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT||3000}/readyz`).then((r)=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node runs as PID 1 (no npm in between): main.ts handles SIGTERM itself (drains, exits 0) and starts
# no child processes to reap.
CMD ["node", "--enable-source-maps", "dist/server/main.js"]
