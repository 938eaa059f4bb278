#!/usr/bin/env bash
# Installs what building and testing jianbao needs, on a fresh machine with
# Rust (rustup), Node.js and npm. Idempotent: steps already done are skipped.
#
#   bash scripts/setup.sh            toolchain + npm packages (build, serve)
#   bash scripts/setup.sh --browser  also Chromium and poppler-utils for the
#                                    end-to-end tests
#   bash scripts/setup.sh --python   also a virtualenv, target/venv, with the
#                                    Python tests' pinned packages
#                                    (tests/python/requirements.txt)
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# WebAssembly target for the npm package and the web page.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must match the wasm-bindgen crate pinned in crates/wasm.
want=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' crates/wasm/Cargo.toml)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "cargo install wasm-bindgen-cli $want (takes a few minutes)"
  cargo install wasm-bindgen-cli --version "$want" --locked
fi

# npm packages: binaryen (wasm-opt), typescript, playwright-core.
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund
fi

browser=false python=false
for arg in "$@"; do
  case "$arg" in
    --browser) browser=true ;;
    --python) python=true ;;
    *) echo "setup.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

if $browser; then
  if [ ! -x /usr/bin/chromium ]; then
    say "apt-get install chromium"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
  fi
  # poppler-utils: pdfunite puts corpus PDFs into one file of several pages
  # for the PDF test (tests/e2e/pdf.test.mjs).
  if ! command -v pdfunite >/dev/null; then
    say "apt-get install poppler-utils"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq poppler-utils >/dev/null
  fi
fi
if $python; then
  # A virtualenv of its own (Python 3.9 or later): the package and the test
  # tools go there, not into the system's Python.
  if [ ! -x target/venv/bin/python ]; then
    say "python3 -m venv target/venv"
    python3 -m venv target/venv
  fi
  if [ ! -f target/venv/.requirements ] || ! cmp -s tests/python/requirements.txt target/venv/.requirements; then
    say "pip install -r tests/python/requirements.txt"
    target/venv/bin/python -m pip install --quiet --disable-pip-version-check -r tests/python/requirements.txt
    cp tests/python/requirements.txt target/venv/.requirements
  fi
fi
say "ready"
