#!/usr/bin/env bash
# Sets up a fresh machine and runs every test of jianbao:
#   - Rust: unit tests of each pass, doc examples, the gold-page quality bar
#     (scored by ../shared/eval/score.py when ../shared is present), the CLI,
#     hostile input and a short property run;
#   - npm: the packed package installed into a temporary project, from ESM
#     and CommonJS, byte-for-byte against the native CLI; TypeScript types;
#   - web: the static page in headless Chromium;
#   - Python: `pip install .` (maturin builds the wheel), then pytest:
#     byte-for-byte against the CLI, errors, the type stubs under mypy, the
#     Dask and datatrove examples.
# Usage: bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh --browser --python

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "rustfmt and clippy"
cargo fmt --all --check
cargo clippy --workspace --all-targets --quiet -- -D warnings

step "cargo test (unit, doc, gold pages, CLI, hostile input, properties)"
cargo test --workspace --no-fail-fast

step "WebAssembly package (npm run build) and native CLI"
npm run build
cargo build --release --bin jianbao

step "npm package tests"
node --test tests/npm/

step "static page in headless Chromium"
npm run build:site
node --test tests/e2e/

step "Python package (pip install .) and its tests"
target/venv/bin/python -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps .
target/venv/bin/python -m pytest -q tests/python

step "all tests passed"
