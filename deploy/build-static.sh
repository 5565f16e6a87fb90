#!/bin/sh
# Builds what nginx serves, into <out>/shop (the shopper build) and <out>/ops (the operator build),
# checks the shopper build (no mock code, no operator view, JS budget) and precompresses both.
# Used by the Dockerfile and by the deploy test, so both serve the same files.
# Usage: sh deploy/build-static.sh <out>
set -eu
out=${1:?usage: sh deploy/build-static.sh <out-dir>}
cd "$(dirname "$0")/.."
npx vite build --logLevel warn --outDir "$out/shop" --emptyOutDir
npx vite build --logLevel warn --mode ops --outDir "$out/ops" --emptyOutDir
node scripts/check-bundle.mjs "$out/shop"
node deploy/precompress.mjs "$out/shop" "$out/ops"
