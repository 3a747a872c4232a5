#!/bin/sh
# Checks an Infohus OpenAPI document with tools nobody here wrote, as an integrator would:
#   Redocly (recommended rules) and Spectral (spectral:oas) must report no error;
#   openapi-typescript generates the client's types and `tsc --strict` compiles program.ts against them.
# program.ts marks wrong field types with @ts-expect-error, so it also fails to compile when the
# contract stops typing a field. Usage: sh check.sh [path to the document] (default: the committed one).
set -eu
cd "$(dirname "$0")"
document="$(realpath "${1:-../../Infohus.Api/openapi/v1.json}")"

# npm ci once: again only when the lock file changed since.
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.installed-lock.json; then
  npm ci --no-audit --no-fund --loglevel=error || {
    echo "npm ci failed: the npm registry must be reachable to check the contract (Redocly, Spectral, openapi-typescript, tsc)." >&2
    exit 2
  }
  cp package-lock.json node_modules/.installed-lock.json
fi

echo "== Redocly recommended"
npx --no-install redocly lint --extends=recommended --format=stylish "$document"
echo "== Spectral spectral:oas"
npx --no-install spectral lint --ruleset .spectral.yaml --fail-severity=error "$document"
echo "== openapi-typescript"
mkdir -p generated
npx --no-install openapi-typescript "$document" --output generated/infohus.ts
echo "== tsc --strict"
npx --no-install tsc -p tsconfig.json
echo "== the contract holds"
