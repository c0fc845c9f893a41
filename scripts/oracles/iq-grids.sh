#!/usr/bin/env bash
# Remakes src/main/resources/app/bytewise/quant/gguf/iq-kgrids.txt: the lattice points of ggml's
# IQ1/IQ2/IQ3 formats, the kgrid_* tables inside iq2xs_init_impl and iq3xs_init_impl of
# ggml/src/ggml-quants.c in llama.cpp v0.5.0 (the source bundle in the npm package node-llama-cpp@3.22.1,
# whose prebuilt CPU library the live oracle tests run). Each entry packs one grid point, 2 bits (IQ1,
# IQ2) or 3 bits (IQ3) per coordinate; the codecs expand them into the quantizer's and the
# dequantizer's grids exactly as those functions and ggml-common.h do.
#
#   scripts/oracles/iq-grids.sh           # rewrite the file
#   scripts/oracles/iq-grids.sh --check   # compare only; exit 1 if the file would change
#
# Needs npm, node and git. The tarball is checked against its pinned npm integrity hash before use and
# unpacked in a temporary folder that is deleted at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."

PACKAGE=node-llama-cpp@3.22.1
INTEGRITY=sha512-bltIipuWmc123H7tMIgDGKSsSrhmhlQYeVUC48XTjVW7XGJJiJJyCdlTMzQ/LiWoPkGDpcL4FviDpgw7qfTiDw==
OUT=src/main/resources/app/bytewise/quant/gguf/iq-kgrids.txt

check=false
case "${1:-}" in
  --check) check=true ;;
  "") ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac
for tool in npm node git; do
  command -v "$tool" >/dev/null || { echo "$0: needs $tool" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "Fetching $PACKAGE"
tarball=$(cd "$work" && npm pack --silent "$PACKAGE" | tail -1)
integrity=$(node -e 'const c = require("crypto"), fs = require("fs");
  process.stdout.write("sha512-" + c.createHash("sha512").update(fs.readFileSync(process.argv[1])).digest("base64"))' \
  "$work/$tarball")
if [[ $integrity != "$INTEGRITY" ]]; then
  echo "$0: $tarball has integrity $integrity, expected $INTEGRITY; not using it" >&2
  exit 1
fi
tar -xzf "$work/$tarball" -C "$work" package/llama/gitRelease.bundle package/llama/binariesGithubRelease.json
git -c advice.detachedHead=false clone -q "$work/package/llama/gitRelease.bundle" "$work/src"
release=$(node -e 'process.stdout.write(require(process.argv[1]).release)' "$work/package/llama/binariesGithubRelease.json")
commit=$(git -C "$work/src" rev-parse HEAD)

# One table per block: "<name> <count>" on a line, then the values, 16 per line.
node - "$work/src/ggml/src/ggml-quants.c" "$release" "$commit" > "$work/out.txt" <<'JS'
const fs = require("fs");
const [file, release, commit] = process.argv.slice(2);
const src = fs.readFileSync(file, "utf8");
const names = ["kgrid_2bit_256", "kgrid_2bit_512", "kgrid_2bit_1024", "kgrid_1bit_2048", "kgrid_256", "kgrid_512"];
const sizes = { kgrid_1bit_2048: 2048 };
let out = `# ggml's IQ grid tables, from ggml/src/ggml-quants.c of llama.cpp ${release} (${commit}),\n`
  + `# written by scripts/oracles/iq-grids.sh; do not edit. kgrid_*bit_* are iq2xs_init_impl's,\n`
  + `# kgrid_256 and kgrid_512 iq3xs_init_impl's.\n`;
for (const name of names) {
  const m = new RegExp(`static const uint16_t ${name}\\[(\\w+)\\] = \\{([^}]*)\\}`).exec(src);
  if (!m) throw new Error(`${name} not found in ${file}`);
  const values = m[2].split(",").map(s => s.trim()).filter(s => s.length).map(Number);
  const want = sizes[name] ?? Number(m[1]);
  if (values.length !== want || values.some(v => !Number.isInteger(v) || v < 0 || v > 65535)) {
    throw new Error(`${name}: expected ${want} uint16 values, read ${values.length}`);
  }
  out += `${name} ${values.length}\n`;
  for (let i = 0; i < values.length; i += 16) out += values.slice(i, i + 16).join(" ") + "\n";
}
process.stdout.write(out);
JS

if $check; then
  if cmp -s "$work/out.txt" "$OUT"; then echo "$OUT: as the pinned ggml has it"; exit 0; fi
  echo "$OUT differs from the pinned ggml's tables" >&2
  exit 1
fi
cp "$work/out.txt" "$OUT"
echo "wrote $OUT"
