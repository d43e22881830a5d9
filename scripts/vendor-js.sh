#!/usr/bin/env bash
# Fetches the JavaScript libraries Postman scripts use (the versions postman-sandbox pins)
# from the npm registry, by name and version, into crates/script/vendor/NAME/: the one
# self-contained file the script runtime evaluates, the package's licence file and its
# package.json. The files are committed, so building needs no network; run this to check
# them (it rewrites the same bytes) or to move to new versions, then update NOTICE.
set -euo pipefail
cd "$(dirname "$0")/../crates/script/vendor"

# folder  package@version  file in the package  licence file
libraries=(
  "chai chai@4.4.1 chai.js LICENSE"
  "chai-postman chai-postman@2.0.1 lib/index.js LICENSE.md"
  "lodash lodash@4.18.1 lodash.js LICENSE"
  "lodash3 lodash3@3.10.2 index.js LICENSE"
  "moment moment@2.30.1 moment.js LICENSE"
  "crypto-js crypto-js@3.3.0 crypto-js.js LICENSE"
  "ajv ajv@6.12.5 dist/ajv.bundle.js LICENSE"
  "tv4 tv4@1.3.0 tv4.js LICENSE.txt"
)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for entry in "${libraries[@]}"; do
  read -r folder spec file licence <<<"$entry"
  (cd "$work" && npm pack --silent "$spec" >/dev/null)
  tarball=$(ls "$work"/*.tgz)
  mkdir -p "$work/x" && tar -xzf "$tarball" -C "$work/x"
  mkdir -p "$folder"
  cp "$work/x/package/$file" "$folder/$(basename "$file")"
  cp "$work/x/package/$licence" "$folder/$licence"
  cp "$work/x/package/package.json" "$folder/package.json"
  rm -rf "$work/x" "$tarball"
  echo "$spec -> vendor/$folder/$(basename "$file")"
done
