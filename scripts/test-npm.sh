#!/bin/sh
# The npm package's tests from scratch: build the WebAssembly package (pkg/),
# build the native CLI the tests compare with, then run tests/npm/.
# Honours CARGO_TARGET_DIR. Usage: sh scripts/test-npm.sh
set -eu
cd "$(dirname "$0")/.."
[ -x node_modules/.bin/wasm-opt ] || npm ci --no-audit --no-fund
npm run build
cargo build --release --bin jianbao
node --test tests/npm/
