#!/usr/bin/env bash
# Installs the real llama.cpp (a prebuilt CPU build: npm @node-llama-cpp/linux-x64@3.22.1, which is
# llama.cpp tag v0.5.0) for the oracle tests in src/test/java/app/bytewise/oracle/llamacpp/.
#
#   scripts/llamacpp.sh      install if missing, then print the library directory as the last line
#
#   export BYTEWISE_LLAMACPP_LIB="$(scripts/llamacpp.sh | tail -1)"
#
# The tarball is checked against npm's integrity hash before it is unpacked; an install that is
# already there and verified is left alone. Override the place with BYTEWISE_LLAMACPP_HOME.
set -euo pipefail

PACKAGE="@node-llama-cpp/linux-x64@3.22.1"
# npm's "dist.integrity" of that version: base64 of the tarball's SHA-512.
INTEGRITY="sha512-5uCCDNqWCNfaAm8aR/Uzxbo4HBpKgNF91kCHPepKhgMgV2OAmatoefbOlMihsqCiH2Od35E/eUHQCFbfRBJuOg=="
HOME_DIR="${BYTEWISE_LLAMACPP_HOME:-$HOME/.cache/bytewise-llamacpp}"
LIB_DIR="$HOME_DIR/package/bins/linux-x64"
# Written last, after a verified unpack, so a half-finished install is never taken for a whole one.
STAMP="$HOME_DIR/.installed"

log() { printf '%s\n' "$*" >&2; }

# Compared as hex, with coreutils only: the base64 of the integrity decoded against sha512sum's output.
expected_hex() { printf '%s' "${INTEGRITY#sha512-}" | base64 -d | od -An -v -tx1 | tr -d ' \n'; }

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$INTEGRITY" ] && [ -e "$LIB_DIR/libllama.v0.5.0.so" ]; then
  log "llama.cpp already installed in $HOME_DIR"
  echo "$LIB_DIR"
  exit 0
fi

command -v npm >/dev/null || { log "npm is needed to fetch $PACKAGE"; exit 1; }
mkdir -p "$HOME_DIR"
WORK=$(mktemp -d "$HOME_DIR/.download.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

log "Fetching $PACKAGE"
(cd "$WORK" && npm pack --silent "$PACKAGE" >/dev/null)
TARBALL=$(ls "$WORK"/*.tgz)
ACTUAL=$(sha512sum "$TARBALL" | cut -d' ' -f1)
if [ "$ACTUAL" != "$(expected_hex)" ]; then
  log "Integrity mismatch for $PACKAGE: expected SHA-512 $(expected_hex), got $ACTUAL"
  exit 1
fi

rm -rf "$HOME_DIR/package" "$STAMP"
tar -xzf "$TARBALL" -C "$HOME_DIR"
[ -e "$LIB_DIR/libllama.v0.5.0.so" ] || { log "The package has no $LIB_DIR/libllama.v0.5.0.so"; exit 1; }
printf '%s' "$INTEGRITY" >"$STAMP"
log "Installed llama.cpp into $HOME_DIR"
echo "$LIB_DIR"
