#!/usr/bin/env node
// Writes a .gz next to every compressible file of the given build directories, for nginx's
// gzip_static: the files are compressed once at build time, at the highest level, instead of on
// every request. Usage: node deploy/precompress.mjs <dir>...
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map)$/;
const MIN_BYTES = 512;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.error('usage: node deploy/precompress.mjs <dir>...');
  process.exit(2);
}
for (const dir of dirs) {
  let count = 0;
  let before = 0;
  let after = 0;
  for (const file of walk(dir)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const source = readFileSync(file);
    if (source.length < MIN_BYTES) continue;
    const gz = gzipSync(source, { level: constants.Z_BEST_COMPRESSION });
    if (gz.length >= source.length) continue;
    writeFileSync(`${file}.gz`, gz);
    // Same modification time as the original, so both files describe the same version.
    const { atime, mtime } = statSync(file);
    utimesSync(`${file}.gz`, atime, mtime);
    count += 1;
    before += source.length;
    after += gz.length;
  }
  console.log(
    `${dir}: ${count} file(s) precompressed, ${(before / 1024).toFixed(1)} kB -> ${(after / 1024).toFixed(1)} kB gzip`,
  );
}
