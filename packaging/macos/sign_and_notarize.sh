#!/usr/bin/env bash
# Sign, notarize and staple FrontDesk.app, then the DMG that holds it, with the Developer ID.
#
#   sign_and_notarize.sh [--release] app dist/FrontDesk.app
#   sign_and_notarize.sh [--release] dmg dist/FrontDesk-0.1.0-macos-arm64.dmg
#   sign_and_notarize.sh check
#
# packaging/build.py macos calls it twice: on the app before the DMG is made (so the DMG holds
# the stapled app), then on the DMG. `check` only says whether every secret is set (exit 1 and
# their names when not); build.py runs it first on a release build, so that one fails in
# seconds rather than after the freeze.
# It needs these secrets in the environment (the release workflow maps them from the
# repository's secrets):
#   MACOS_CERT_P12        the "Developer ID Application" certificate and key, .p12, base64
#   MACOS_CERT_PASSWORD   the .p12's password
#   APPLE_ID              the Apple ID that notarizes
#   APPLE_TEAM_ID         its team id
#   APPLE_APP_PASSWORD    an app-specific password for that Apple ID
# Optional: MACOS_SIGN_IDENTITY, to pick one identity when the .p12 holds several.
# With --release (a tag build) a missing secret fails, exit 1, naming it: a release is never
# published unsigned. Without it (CI, a test build, a fork) a missing secret skips signing, says
# so and which are missing, and exits 0: the app and DMG stay unsigned.
#
# The certificate goes into a throw-away keychain that is deleted on exit. The app is signed
# inside out (every Mach-O file, then each framework, then the bundle) with the hardened runtime
# and a secure timestamp, checked (codesign --verify --deep --strict), sent to Apple's notary
# service as a zip (ditto, notarytool --wait), and its ticket stapled to it (stapler staple,
# stapler validate, spctl --assess). The DMG is then signed, notarized and stapled the same way.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
entitlements="$here/entitlements.plist"
secrets=(MACOS_CERT_P12 MACOS_CERT_PASSWORD APPLE_ID APPLE_TEAM_ID APPLE_APP_PASSWORD)

usage() {
  echo "usage: $0 [--release] app PATH.app | [--release] dmg PATH.dmg | check" >&2
  exit 2
}

release=0
if [[ "${1:-}" == "--release" ]]; then
  release=1
  shift
fi
kind="${1:-}"
target="${2:-}"
missing=()
for name in "${secrets[@]}"; do
  [[ -n "${!name:-}" ]] || missing+=("$name")
done

if [[ "$kind" == "check" ]]; then
  if (( ${#missing[@]} > 0 )); then
    echo "sign_and_notarize: a release must be signed and notarized, and these secrets are" \
      "not set: ${missing[*]}" >&2
    exit 1
  fi
  echo "sign_and_notarize: the signing and notarization secrets are set"
  exit 0
fi
[[ "$kind" == "app" || "$kind" == "dmg" ]] || usage
[[ -e "$target" ]] || { echo "sign_and_notarize: $target does not exist" >&2; exit 2; }

if (( ${#missing[@]} > 0 )); then
  if (( release )); then
    echo "sign_and_notarize: a release must be signed and notarized, and these secrets are" \
      "not set: ${missing[*]}; $target was not signed and the build fails" >&2
    exit 1
  fi
  echo "sign_and_notarize: not a release build, signing skipped: $target stays unsigned" \
    "(not set: ${missing[*]})"
  exit 0
fi
tools=()
for tool in codesign security xcrun ditto plutil spctl file; do
  command -v "$tool" >/dev/null 2>&1 || tools+=("$tool")
done
if (( ${#tools[@]} > 0 )); then
  echo "sign_and_notarize: signing needs macOS's tools; not found: ${tools[*]}" >&2
  exit 1
fi

workdir="$(mktemp -d)"
keychain="$workdir/frontdesk-signing.keychain-db"
cleanup() {
  security delete-keychain "$keychain" >/dev/null 2>&1 || true
  rm -rf "$workdir"
}
trap cleanup EXIT

keychain_password="$(uuidgen)"
security create-keychain -p "$keychain_password" "$keychain"
security set-keychain-settings -lut 3600 "$keychain"
security unlock-keychain -p "$keychain_password" "$keychain"
printf '%s' "$MACOS_CERT_P12" | base64 --decode > "$workdir/cert.p12"
security import "$workdir/cert.p12" -k "$keychain" -P "$MACOS_CERT_PASSWORD" \
  -T /usr/bin/codesign >/dev/null
rm -f "$workdir/cert.p12"
security set-key-partition-list -S apple-tool:,apple:,codesign: -s -k "$keychain_password" \
  "$keychain" >/dev/null
# codesign looks identities up through the user's search list: put ours first
existing=()
while IFS= read -r line; do
  line="${line#"${line%%[![:space:]]*}"}"
  existing+=("${line//\"/}")
done < <(security list-keychains -d user)
security list-keychains -d user -s "$keychain" "${existing[@]}"

wanted="${MACOS_SIGN_IDENTITY:-Developer ID Application}"
identity="$(security find-identity -v -p codesigning "$keychain" \
  | awk -v want="$wanted" 'index($0, want) { print $2; exit }')"
if [[ -z "$identity" ]]; then
  echo "sign_and_notarize: no code-signing identity matching '$wanted' in the certificate" >&2
  exit 1
fi

sign() {  # sign [codesign options...] PATH
  codesign --force --timestamp --options runtime --sign "$identity" "$@"
}

notarize() {  # notarize FILE: a zip, dmg or pkg; exits unless Apple accepts it
  local file="$1" result submission status
  result="$workdir/notary.json"
  xcrun notarytool submit "$file" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
    --password "$APPLE_APP_PASSWORD" --wait --timeout 45m --output-format json > "$result" || true
  submission="$(plutil -extract id raw -o - "$result" 2>/dev/null || true)"
  status="$(plutil -extract status raw -o - "$result" 2>/dev/null || true)"
  if [[ "$status" != "Accepted" ]]; then
    echo "sign_and_notarize: notarization of $file ended '${status:-unknown}'" >&2
    cat "$result" >&2 || true
    if [[ -n "$submission" ]]; then
      xcrun notarytool log "$submission" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
        --password "$APPLE_APP_PASSWORD" >&2 || true
    fi
    exit 1
  fi
}

sign_app() {
  local app="$1" main_exe zip
  main_exe="$app/Contents/MacOS/$(plutil -extract CFBundleExecutable raw -o - \
    "$app/Contents/Info.plist")"
  # 1. every Mach-O file but the main executable (libraries, Python extensions, helpers)
  while IFS= read -r -d '' file; do
    [[ "$file" == "$main_exe" ]] && continue
    if file -b "$file" | grep -q "Mach-O"; then
      sign "$file"
    fi
  done < <(find "$app/Contents" -type f -print0)
  # 2. frameworks, innermost first
  while IFS= read -r -d '' framework; do
    sign "$framework"
  done < <(find "$app/Contents" -type d -name "*.framework" -depth -print0)
  # 3. the main executable and the bundle, with the hardened-runtime entitlements
  sign --entitlements "$entitlements" "$main_exe"
  sign --entitlements "$entitlements" "$app"
  codesign --verify --deep --strict --verbose=2 "$app"
  # 4. notarize (the service takes the app zipped), then staple the ticket to the app itself
  zip="$workdir/$(basename "$app" .app).zip"
  ditto -c -k --keepParent "$app" "$zip"
  notarize "$zip"
  xcrun stapler staple "$app"
  xcrun stapler validate "$app"
  spctl --assess --type execute --verbose=2 "$app"
  echo "sign_and_notarize: $app signed, notarized and stapled"
}

sign_dmg() {
  local dmg="$1"
  codesign --force --timestamp --sign "$identity" "$dmg"
  codesign --verify --strict --verbose=2 "$dmg"
  notarize "$dmg"
  xcrun stapler staple "$dmg"
  xcrun stapler validate "$dmg"
  spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg"
  echo "sign_and_notarize: $dmg signed, notarized and stapled"
}

case "$kind" in
  app) sign_app "$target" ;;
  dmg) sign_dmg "$target" ;;
esac
