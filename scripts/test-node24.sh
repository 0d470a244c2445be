#!/usr/bin/env bash
# Runs the tests that start the bundles (dist/) the way a runner does, and the tests that need Node 22+ (Sigstore's
# mock services), on Node 24: the runtime the actions declare. Jest starts each bundle with its own binary.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
node24="$(bash "$root/scripts/node24.sh")"
cd "$root"
exec "$node24" --experimental-vm-modules --no-warnings=ExperimentalWarning node_modules/jest/bin/jest.js \
  --testPathPattern '(bad-input|bundle|bundled|cancel|injection|encodings|hostile|deliver|cli|node24)\.' "$@"
