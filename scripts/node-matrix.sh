#!/usr/bin/env bash
# Runs README's two commands (npm ci + npm run synth, npm test) from a fresh clone of this
# checkout's HEAD on each given Node.js major version, fetched from the npm registry, and prints
# each version's result and time. Usage: scripts/node-matrix.sh [majors...] [-- jest args]
#   scripts/node-matrix.sh 22 24 26
#   scripts/node-matrix.sh 24 -- __tests__/terraform-cdktf-cli.test.ts   (one suite instead of npm test)
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
versions=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do versions+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
jest_args=("$@")
[ ${#versions[@]} -eq 0 ] && versions=(22 24 26)
export CHECKPOINT_DISABLE=1
summary=()
status=0
for major in "${versions[@]}"; do
  work="$(mktemp -d "${TMPDIR:-/tmp}/okta-node$major-XXXXXX")"
  log="$work.log"
  git clone --quiet --no-hardlinks "$root" "$work/repo"
  start=$(date +%s)
  (
    cd "$work/repo" &&
      "$root/scripts/with-node.sh" "$major" bash -c '
        set -euo pipefail
        echo "node $(node --version), npm $(npm --version)"
        npm ci --no-audit --no-fund
        npm run synth
        if [ $# -gt 0 ]; then npx jest "$@"; else npm test; fi' _ "${jest_args[@]}"
  ) >"$log" 2>&1
  code=$?
  seconds=$(( $(date +%s) - start ))
  result=$([ $code -eq 0 ] && echo pass || echo "FAIL (exit $code)")
  tests=$(grep -E "^Tests:" "$log" | tail -1)
  summary+=("node $major: $result in ${seconds}s; ${tests:-no jest summary}; warnings: $(grep -ciE "npm warn|DeprecationWarning" "$log"); log $log")
  [ $code -eq 0 ] || status=1
  rm -rf "$work"
done
printf '%s\n' "${summary[@]}"
exit $status
