#!/usr/bin/env bash
# npm run test:deploy: the storefront as production serves it, tested end to end on loopback.
#  1. installs Debian's nginx (and envsubst, openssl) when missing, as .ci/run does for chromium;
#  2. validates the Kubernetes manifests offline against the API schemas (kubernetes-models);
#  3. builds the site with deploy/build-static.sh, the script the Dockerfile runs;
#  4. runs tests/deploy in Chromium against nginx started by the image's own entrypoint;
#  5. proves the test can fail: with the SPA fallback, then the /api/ prefix stripping, removed
#     from a copy of the configuration, the @config tests must fail.
# Work directory: DEPLOY_WORK_DIR (default /tmp/storefront-deploy-test): site, logs, htpasswd.
set -euo pipefail
cd "$(dirname "$0")/../.."
started=$(date +%s)
export DEPLOY_WORK_DIR=${DEPLOY_WORK_DIR:-/tmp/storefront-deploy-test}
case "$DEPLOY_WORK_DIR" in
  /tmp/?* | "$PWD"/?*) ;; # it is emptied below: only somewhere disposable
  *) echo "DEPLOY_WORK_DIR must be under /tmp or this repository" >&2 && exit 1 ;;
esac
export DEPLOY_OPS_USER=operator
export DEPLOY_OPS_PASSWORD="deploy-test-$RANDOM$RANDOM"
export PATH="$PATH:/usr/sbin:/sbin"
config=tests/deploy/playwright.config.ts

step() { printf '\n--- %s\n' "$*"; }

missing=()
command -v nginx > /dev/null || missing+=(nginx)
command -v envsubst > /dev/null || missing+=(gettext-base)
command -v openssl > /dev/null || missing+=(openssl)
if [ ${#missing[@]} -gt 0 ]; then
  step "install Debian ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "test:deploy needs ${missing[*]}: run as root or apt-get install them" >&2
    exit 1
  fi
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

step "Kubernetes manifests (offline, kubernetes-models)"
npx tsx tests/deploy/validate-manifests.ts

step "build the site (deploy/build-static.sh, as the Dockerfile does)"
rm -rf "$DEPLOY_WORK_DIR"
mkdir -p "$DEPLOY_WORK_DIR"
sh deploy/build-static.sh "$DEPLOY_WORK_DIR/site"
# The operator credentials, as the Secret the cluster mounts would hold them.
printf '%s:%s\n' "$DEPLOY_OPS_USER" "$(openssl passwd -6 "$DEPLOY_OPS_PASSWORD")" \
  > "$DEPLOY_WORK_DIR/htpasswd"
chmod 644 "$DEPLOY_WORK_DIR/htpasswd" # nginx workers run as nobody when the test runs as root

step "browser tests through nginx (tests/deploy)"
npx playwright test -c "$config"

# Each mutation removes one thing the app needs from a copy of deploy/nginx; the @config tests
# must then fail. A mutation that no longer applies fails the run too (the guard would be stale).
negative() {
  local name=$1 pattern=$2 replacement=$3
  local dir="$DEPLOY_WORK_DIR/broken-$name"
  step "negative run: $name removed, the @config tests must fail"
  rm -rf "$dir"
  cp -r deploy/nginx "$dir"
  sed -i "s|$pattern|$replacement|" "$dir/nginx.conf.template"
  if cmp -s deploy/nginx/nginx.conf.template "$dir/nginx.conf.template"; then
    echo "the mutation '$name' no longer applies to deploy/nginx/nginx.conf.template" >&2
    exit 1
  fi
  if DEPLOY_TEMPLATE_DIR="$dir" npx playwright test -c "$config" --grep @config --timeout 30000 \
    > "$DEPLOY_WORK_DIR/negative-$name.txt" 2>&1; then
    cat "$DEPLOY_WORK_DIR/negative-$name.txt"
    echo "the deploy test passed with $name removed: it cannot see that break" >&2
    exit 1
  fi
  # It must fail in the tests, not before them (nginx refusing the broken copy proves nothing).
  if ! grep -q '✘.*@config' "$DEPLOY_WORK_DIR/negative-$name.txt"; then
    cat "$DEPLOY_WORK_DIR/negative-$name.txt"
    echo "the run without $name failed, but no @config test failed in it" >&2
    exit 1
  fi
  grep -E '✘|^\s+[0-9]+ (failed|passed)' "$DEPLOY_WORK_DIR/negative-$name.txt" | sed 's/^/  /'
  echo "ok: the deploy test fails without $name"
}
negative spa-fallback 'try_files $uri /index.html; # @spa-fallback' 'try_files $uri =404;'
negative api-prefix-stripping 'proxy_pass ${API_UPSTREAM}/; # @strip-api-prefix' 'proxy_pass ${API_UPSTREAM};'

step "test:deploy passed in $(($(date +%s) - started)) s"
