#!/bin/sh
# Starts the storefront's nginx: renders deploy/nginx/*.template with envsubst into a writable
# runtime directory, checks the result, and runs nginx in the foreground.
#
# The container image runs this as its entrypoint; the deploy test (tests/deploy/start-nginx.sh)
# runs this same script with its own ports, paths and a mock upstream.
set -eu

: "${API_UPSTREAM:=http://front-end}"
: "${LISTEN_PORT:=8080}"
: "${STATIC_ROOT:=/usr/share/nginx/storefront/shop}"
: "${OPS_ROOT:=/usr/share/nginx/storefront/ops}"
: "${OPS_HTPASSWD:=/etc/storefront/ops/htpasswd}"
: "${RUNTIME_DIR:=/tmp/nginx}"
: "${TELEMETRY_URL:=}"
: "${NGINX_TEMPLATE_DIR:=$(dirname "$0")/nginx}"
: "${NGINX_BIN:=nginx}"
export API_UPSTREAM LISTEN_PORT STATIC_ROOT OPS_ROOT OPS_HTPASSWD RUNTIME_DIR TELEMETRY_URL

fail() {
  echo "storefront: $*" >&2
  exit 64
}

# Refuse values that would change the meaning of the configuration rather than fill it in.
case "$API_UPSTREAM" in
  http://* | https://*) ;;
  *) fail "API_UPSTREAM must be an http(s) URL such as http://front-end, got '$API_UPSTREAM'" ;;
esac
case "${API_UPSTREAM#*://}" in
  */* | *[!A-Za-z0-9.:_-]* | '') fail "API_UPSTREAM must be scheme://host[:port] with no path, got '$API_UPSTREAM'" ;;
esac
case "$LISTEN_PORT" in
  '' | *[!0-9]*) fail "LISTEN_PORT must be a number, got '$LISTEN_PORT'" ;;
esac
case "$TELEMETRY_URL" in
  '' | https://* | http://*) ;;
  *) fail "TELEMETRY_URL must be empty or an http(s) URL, got '$TELEMETRY_URL'" ;;
esac
case "$TELEMETRY_URL" in
  *[\;\"\'\ ]*) fail "TELEMETRY_URL must not contain ; quotes or spaces" ;;
esac
[ -f "$STATIC_ROOT/index.html" ] || fail "no index.html in STATIC_ROOT=$STATIC_ROOT"

mkdir -p "$RUNTIME_DIR"
# Only these variables are replaced; nginx's own $uri, $status, ... stay as they are.
vars='${API_UPSTREAM} ${LISTEN_PORT} ${STATIC_ROOT} ${OPS_ROOT} ${OPS_HTPASSWD} ${RUNTIME_DIR} ${TELEMETRY_URL}'
envsubst "$vars" < "$NGINX_TEMPLATE_DIR/nginx.conf.template" > "$RUNTIME_DIR/nginx.conf"
cp "$NGINX_TEMPLATE_DIR/api-allowlist.conf" "$NGINX_TEMPLATE_DIR/api-proxy.conf" "$RUNTIME_DIR/"

# The operator view exists only where an operator mounted credentials for it.
if [ -s "$OPS_HTPASSWD" ]; then
  [ -f "$OPS_ROOT/index.html" ] || fail "OPS_HTPASSWD is set but OPS_ROOT=$OPS_ROOT has no index.html"
  envsubst "$vars" < "$NGINX_TEMPLATE_DIR/ops.conf.template" > "$RUNTIME_DIR/ops.conf"
  echo "storefront: operator view enabled at /ops/ (basic auth, $OPS_HTPASSWD)" >&2
else
  cp "$NGINX_TEMPLATE_DIR/ops-off.conf" "$RUNTIME_DIR/ops.conf"
fi

"$NGINX_BIN" -e stderr -q -t -p "$RUNTIME_DIR/" -c "$RUNTIME_DIR/nginx.conf"
echo "storefront: nginx on :$LISTEN_PORT, API /api/ -> $API_UPSTREAM" >&2
exec "$NGINX_BIN" -e stderr -p "$RUNTIME_DIR/" -c "$RUNTIME_DIR/nginx.conf" -g 'daemon off;'
