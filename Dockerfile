# syntax=docker/dockerfile:1
# Sock Shop storefront: built with Node 20, served by nginx as a non-root user.
#   docker build -t storefront:0.1.0 .
#   docker run --read-only --tmpfs /tmp -p 8080:8080 -e API_UPSTREAM=http://host.docker.internal:8079 storefront:0.1.0
# What runs is deploy/entrypoint.sh on deploy/nginx, serving what deploy/build-static.sh built: the
# same scripts and files npm run test:deploy runs against real nginx (tests/deploy).

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# Baked into the build (Vite inlines VITE_* at build time); the CSP's connect-src follows it.
ARG VITE_TELEMETRY_URL=""
ENV VITE_TELEMETRY_URL=${VITE_TELEMETRY_URL}
RUN sh deploy/build-static.sh /out

FROM nginxinc/nginx-unprivileged:1.28-alpine AS serve
ARG VITE_TELEMETRY_URL=""
# The shopper build and the operator build, precompressed; the nginx templates; the entrypoint.
COPY --from=build /out/shop /usr/share/nginx/storefront/shop
COPY --from=build /out/ops /usr/share/nginx/storefront/ops
COPY deploy/nginx /etc/storefront/nginx
COPY --chmod=0755 deploy/entrypoint.sh /usr/local/bin/storefront-entrypoint
ENV API_UPSTREAM=http://front-end \
    LISTEN_PORT=8080 \
    STATIC_ROOT=/usr/share/nginx/storefront/shop \
    OPS_ROOT=/usr/share/nginx/storefront/ops \
    OPS_HTPASSWD=/etc/storefront/ops/htpasswd \
    RUNTIME_DIR=/tmp/nginx \
    NGINX_TEMPLATE_DIR=/etc/storefront/nginx \
    TELEMETRY_URL=${VITE_TELEMETRY_URL}
# The image's nginx user (uid 101). The root file system can be read-only: nginx writes only to
# RUNTIME_DIR under /tmp (an emptyDir in Kubernetes, --tmpfs /tmp with docker).
USER 101
EXPOSE 8080
STOPSIGNAL SIGQUIT
ENTRYPOINT ["/usr/local/bin/storefront-entrypoint"]
CMD []
