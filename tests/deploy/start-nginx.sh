#!/bin/sh
# Starts one nginx for the deploy test through the image's own entrypoint (deploy/entrypoint.sh),
# with only ports, paths and the upstream address filled in. Output (the JSON access log included)
# goes to <work>/<name>.log, which the specs read.
# Usage: sh tests/deploy/start-nginx.sh <name> <port> <upstream-url> [with-ops]
# DEPLOY_TEMPLATE_DIR swaps in another template directory (the negative runs of run.sh).
set -eu
name=$1
port=$2
upstream=$3
work=${DEPLOY_WORK_DIR:-/tmp/storefront-deploy-test}
repo=$(cd "$(dirname "$0")/../.." && pwd)

export LISTEN_PORT="$port"
export API_UPSTREAM="$upstream"
export STATIC_ROOT="$work/site/shop"
export OPS_ROOT="$work/site/ops"
export RUNTIME_DIR="$work/$name"
export NGINX_TEMPLATE_DIR="${DEPLOY_TEMPLATE_DIR:-$repo/deploy/nginx}"
if [ "${4:-}" = with-ops ]; then
  export OPS_HTPASSWD="$work/htpasswd"
else
  export OPS_HTPASSWD="$work/no-htpasswd"
fi
rm -rf "$RUNTIME_DIR"
exec sh "$repo/deploy/entrypoint.sh" > "$work/$name.log" 2>&1
