#!/usr/bin/env bash
# Runs a command with another Node.js major version, fetched from the npm registry (the `node`
# package ships each release's binary), so anyone can try a supported version without a version
# manager. Usage: scripts/with-node.sh <major, e.g. 24> <command> [args...]
# The binary is kept in ${OKTA_NODE_CACHE:-~/.cache/okta-as-code}/node-<major>.
set -euo pipefail
if [ $# -lt 2 ] || ! [[ "$1" =~ ^[0-9]+$ ]]; then
  echo "Usage: scripts/with-node.sh <major version, e.g. 24> <command> [args...]" >&2
  exit 1
fi
major=$1
shift
dir="${OKTA_NODE_CACHE:-$HOME/.cache/okta-as-code}/node-$major"
if [ ! -x "$dir/node_modules/.bin/node" ]; then
  echo "Fetching Node.js $major from the npm registry into $dir ..." >&2
  npm install --prefix "$dir" --no-audit --no-fund --no-save --loglevel=error "node@$major" >&2
fi
export PATH="$dir/node_modules/.bin:$PATH"
exec "$@"
