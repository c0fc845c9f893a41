#!/usr/bin/env bash
# Remakes the llama.cpp reference vectors in src/test/resources/oracles/ggml/ with llama.cpp's own
# code: libggml-base.so from the prebuilt CPU build in the npm package @node-llama-cpp/linux-x64
# (llama.cpp tag v0.5.0). Every file keeps its inputs; its outputs become what that library's
# quantize_row_<type>_ref, dequantize_row_<type> and quantize_<type>(…, imatrix=NULL) give for them
# (ggml-vectors.c calls them), and quantize_<type> with an importance matrix for the IQ types that
# take one. What the files hold: ../../src/test/resources/oracles/PROVENANCE.md.
#
#   scripts/oracles/ggml-vectors.sh           # rewrite the files
#   scripts/oracles/ggml-vectors.sh --check   # compare only; exit 1 if a file would change
#   scripts/oracles/ggml-vectors.sh --new TYPE FROM.json ...   # add files for ggml types (iq2_xxs ...)
#       with the inputs of the file FROM.json and, for types with quantize_<type>, an importance
#       vector per case; then fill every file as above
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
new=()
case "${1:-}" in
  --check) check=true ;;
  --new) shift; new=("$@"); [[ ${#new[@]} -ge 2 ]] || { echo "usage: $0 --new TYPE... FROM.json" >&2; exit 2; } ;;
  "") ;;
  *) echo "usage: $0 [--check | --new TYPE... FROM.json]" >&2; exit 2 ;;
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

# A new file: FROM's cases (inputs, names, descriptions), this library's geometry for TYPE, the
# function its plain outputs come from, and an importance vector per case where TYPE takes one.
if [[ ${#new[@]} -gt 0 ]]; then
  from=${new[-1]}
  for type in "${new[@]:0:${#new[@]}-1}"; do
    info=$("$harness" "$lib" "$type" --info)
    file=$VECTORS/$(echo "$type" | tr '[:upper:]' '[:lower:]').json
    [[ -e $file ]] && { echo "$0: $file exists" >&2; exit 1; }
    importances=()
    for n in $(jq -r '.cases[].n' "$from"); do
      importances+=("$("$harness" "$lib" "$type" --importance "$n" | tr -d '"')")
    done
    printf '%s\n' "${importances[@]}" | jq -R . | jq -s . >"$work/importances.json"
    jq --indent 1 --arg type "$type" --argjson lib "$info" --slurpfile w "$work/importances.json" '
      .type = ($type | ascii_upcase) | .ggml_type_id = $lib.ggml_type_id
      | .block_size = $lib.block_size | .bytes_per_block = $lib.bytes_per_block
      | .bits_per_weight = ($lib.bytes_per_block * 8 / $lib.block_size)
      | .quantize_function = (if $lib.has_ref then "quantize_row_\($type)_ref" else "quantize_\($type)" end)
      | .dequantize_function = "dequantize_row_\($type)"
      | if $lib.has_ref | not then .plain_note = (if $lib.requires_imatrix
          then "ggml has no quantize_row_\($type)_ref and requires an importance matrix: encoded_hex is quantize_\($type) with every importance 1"
          else "ggml has no quantize_row_\($type)_ref: encoded_hex is quantize_\($type) without an importance matrix" end)
        else . end
      | .hex_conventions.imatrix_f32_hex = "importances, one per value, as input_f32_hex; imatrix_encoded_hex is quantize_\($type)(row, dst, 1, n, importances)"
      | .cases |= [to_entries[] | .key as $k | .value
          | {name, description, n, n_blocks: (.n / $lib.block_size), input_f32_hex, imatrix_f32_hex: $w[0][$k]}]
      ' "$from" >"$file"
    echo "  $(basename "$file"): created from $(basename "$from")"
  done
fi

# Outputs replace the old ones key by key, so the files keep their key order. A file without chunk
# fields claims (chunk_path_note) that quantize_<type> gives the _ref bytes: checked here, not stored.
# shellcheck disable=SC2016
merge='
  (any(.cases[]; has("chunk_encoded_hex"))) as $keep_chunk
  | .source = $source
  | .cases |= [to_entries[] | $out[.key] as $o | .value
      | if $o.n != .n then error("case \(.name): the harness read \($o.n) values, the file has \(.n)") else . end
      | . + ($o | del(.n))
      | reduce ("ref_undefined", "chunk_undefined", "imatrix_undefined") as $k (.; if $o | has($k) then . else del(.[$k]) end)
      | if $keep_chunk or (has("chunk_encoded_hex") | not) then .
        elif .chunk_encoded_hex == .encoded_hex and .encoded_hex != null
        then del(.chunk_encoded_hex, .chunk_dequant_f32_hex)
        else error("case \(.name): quantize_<type> and the _ref function give different bytes") end]'

status=0
for file in "$VECTORS"/*.json; do
  quantizer=$(jq -r .quantize_function "$file")
  type=${quantizer#quantize_}
  type=${type#row_}
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
  if ! jq -r '.cases[] | .input_f32_hex + (if .imatrix_f32_hex then " " + .imatrix_f32_hex else "" end)' "$file" \
      | "$harness" "$lib" "$type" >"$work/out.jsonl" 2>"$work/notes"; then
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
