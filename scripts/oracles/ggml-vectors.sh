#!/usr/bin/env bash
# Remakes the llama.cpp reference vectors in src/test/resources/oracles/ggml/ with llama.cpp's own
# code: libggml-base.so from the prebuilt CPU build in the npm package @node-llama-cpp/linux-x64
# (llama.cpp tag v0.5.0). Every file keeps its inputs; its outputs become what that library's
# quantize_row_<type>_ref, dequantize_row_<type> and quantize_<type>(…, imatrix=NULL) give for them
# (ggml-vectors.c calls them). What the files hold: PROVENANCE.md beside them.
#
#   scripts/oracles/ggml-vectors.sh           # rewrite the files
#   scripts/oracles/ggml-vectors.sh --check   # compare only; exit 1 if a file would change
#
# Needs Linux x86-64 with glibc, npm and node (the package comes from the npm registry), gcc and jq.
# The tarball is checked against its pinned npm integrity hash before anything in it is used; it is
# unpacked in a temporary folder that is deleted at the end, never kept in the repository.
set -euo pipefail
cd "$(dirname "$0")/../.."

PACKAGE=@node-llama-cpp/linux-x64@3.22.1
INTEGRITY=sha512-5uCCDNqWCNfaAm8aR/Uzxbo4HBpKgNF91kCHPepKhgMgV2OAmatoefbOlMihsqCiH2Od35E/eUHQCFbfRBJuOg==
VECTORS=src/test/resources/oracles/ggml
BINS=package/bins/linux-x64

check=false
case "${1:-}" in
  --check) check=true ;;
  "") ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac
for tool in npm node gcc jq; do
  command -v "$tool" >/dev/null || { echo "$0: needs $tool" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "Fetching $PACKAGE"
tarball=$(npm pack --json --pack-destination "$work" "$PACKAGE" | jq -r '.[0].filename')
integrity=$(node -e 'const c = require("crypto"), fs = require("fs");
  process.stdout.write("sha512-" + c.createHash("sha512").update(fs.readFileSync(process.argv[1])).digest("base64"))' \
  "$work/$tarball")
if [[ $integrity != "$INTEGRITY" ]]; then
  echo "$0: $tarball has integrity $integrity, expected $INTEGRITY; not using it" >&2
  exit 1
fi
echo "  integrity $integrity: as pinned"
tar -xzf "$work/$tarball" -C "$work" "$BINS/libggml-base.so" "$BINS/_nlcBuildMetadata.json"
lib=$work/$BINS/libggml-base.so
release=$(jq -r '.buildOptions.llamaCpp.repo + " " + .buildOptions.llamaCpp.release' "$work/$BINS/_nlcBuildMetadata.json")
gcc -std=c11 -O2 -Wall -Wextra -Werror -o "$work/ggml-vectors" scripts/oracles/ggml-vectors.c -ldl
harness=$work/ggml-vectors

# Outputs replace the old ones key by key, so the files keep their key order. A file without chunk
# fields claims (chunk_path_note) that quantize_<type> gives the _ref bytes: checked here, not stored.
# shellcheck disable=SC2016
merge='
  (any(.cases[]; has("chunk_encoded_hex"))) as $keep_chunk
  | .source = $source
  | .cases |= [to_entries[] | $out[.key] as $o | .value
      | if $o.n != .n then error("case \(.name): the harness read \($o.n) values, the file has \(.n)") else . end
      | . + ($o | del(.n))
      | reduce ("ref_undefined", "chunk_undefined") as $k (.; if $o | has($k) then . else del(.[$k]) end)
      | if $keep_chunk or (has("chunk_encoded_hex") | not) then .
        elif .chunk_encoded_hex == .encoded_hex and .encoded_hex != null
        then del(.chunk_encoded_hex, .chunk_dequant_f32_hex)
        else error("case \(.name): quantize_<type> and the _ref function give different bytes") end]'

status=0
for file in "$VECTORS"/*.json; do
  quantizer=$(jq -r .quantize_function "$file")
  type=${quantizer#quantize_row_}
  type=${type%_ref}
  info=$("$harness" "$lib" "$type" --info)
  if ! jq -e --argjson lib "$info" \
      '.ggml_type_id == $lib.ggml_type_id and .block_size == $lib.block_size and .bytes_per_block == $lib.bytes_per_block' \
      "$file" >/dev/null; then
    echo "$0: $file: type id or block geometry differ from the library's: $info" >&2
    exit 1
  fi
  source=$(jq -n --arg release "$release" --argjson lib "$info" --arg package "$PACKAGE" --arg integrity "$INTEGRITY" '{
    library: "\($release) (ggml \($lib.ggml_version)): libggml-base.so of the prebuilt CPU build in the npm package \($package), called unchanged",
    package_integrity: $integrity,
    generator: "scripts/oracles/ggml-vectors.sh with scripts/oracles/ggml-vectors.c",
    inputs: "unchanged from the first version of these files, made from ggml-org/ggml d99724f2 (see PROVENANCE.md)"}')
  name=$(basename "$file")
  if ! jq -r '.cases[].input_f32_hex' "$file" | "$harness" "$lib" "$type" >"$work/out.jsonl" 2>"$work/notes"; then
    cat "$work/notes" >&2
    exit 1
  fi
  while IFS=: read -r row note; do  # the harness numbers input lines from 1
    echo "  $name: case $(jq -r ".cases[$((row - 1))].name" "$file"):$note"
  done <"$work/notes"
  jq -a --indent 1 --slurpfile out "$work/out.jsonl" --argjson source "$source" "$merge" "$file" >"$work/new.json"
  if cmp -s "$work/new.json" "$file"; then
    echo "  $name: unchanged"
  elif $check; then
    echo "  $name: differs from what the library gives"
    status=1
  else
    cp "$work/new.json" "$file"
    echo "  $name: rewritten"
  fi
done
exit "$status"
