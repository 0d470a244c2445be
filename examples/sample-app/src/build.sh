#!/bin/sh
# Assembles the release folder: the greet program with its version baked in, the web page it serves, checksums.
set -eu
version=$1
out=$2

mkdir -p "$out/bin" "$out/www"
sed "s/@VERSION@/$version/g" greet.sh >"$out/bin/greet"
chmod 0755 "$out/bin/greet"
sed "s/@VERSION@/$version/g" index.html >"$out/www/index.html"
gzip -9 -k "$out/www/index.html"
echo "$version" >"$out/VERSION"
(cd "$out" && find . -type f ! -name SHA256SUMS | sort | xargs sha256sum >SHA256SUMS)
