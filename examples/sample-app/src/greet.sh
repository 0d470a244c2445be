#!/bin/sh
# The sample app: `greet hello` prints its greeting, `greet serve` serves its page on :8080,
# `greet self-test` checks the release folder against its checksums.
set -eu
app=$(dirname "$0")/..

case "${1:-hello}" in
  hello) echo "Hello from sample-app @VERSION@" ;;
  serve) exec httpd -f -v -p "${PORT:-8080}" -h "$app/www" ;;
  self-test) cd "$app" && sha256sum -c SHA256SUMS ;;
  *)
    echo "usage: greet [hello|serve|self-test]" >&2
    exit 2
    ;;
esac
