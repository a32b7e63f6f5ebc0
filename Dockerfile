# SageDeck's image: the standalone Next server (.next/standalone) and serve.js (scripts/serve.ts), nothing else.
# What tests/standalone-server.test.ts proves is what runs here: `node serve.js` migrates once (PostgreSQL advisory
# lock), serves on $PORT, and shuts down gracefully on SIGTERM within SHUTDOWN_TIMEOUT_MS. See docs/deploy/.

# 1. dependencies, dev ones included (the build needs them; they never reach the final image)
FROM node:20-bookworm-slim AS deps
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# 2. build: next build (output: "standalone", traced production node_modules only) + scripts/standalone.ts
#    (static assets, migrations, serve.js)
FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npm run build

# 3. runtime: non-root, the standalone folder only
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true \
    PORT=3000 \
    BIND_ADDRESS=0.0.0.0 \
    LOG_FORMAT=json \
    SAGEDECK_DATA_DIR=/app/.data
WORKDIR /app
RUN groupadd --system --gid 10001 sagedeck \
 && useradd --system --uid 10001 --gid sagedeck --home-dir /app --shell /usr/sbin/nologin sagedeck
COPY --from=build --chown=root:root /src/.next/standalone ./
RUN mkdir -p /app/.data && chown sagedeck:sagedeck /app/.data
USER 10001:10001
EXPOSE 3000
# liveness only (the process answers); the orchestrator's readiness probe is /api/health/ready
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "serve.js"]
