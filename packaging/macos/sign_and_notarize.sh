#!/usr/bin/env bash
# Sign FrontDesk.app, or sign, notarize and staple the DMG, with the clinic-facing Developer ID.
#
#   sign_and_notarize.sh app dist/FrontDesk.app
#   sign_and_notarize.sh dmg dist/FrontDesk-0.1.0-macos-arm64.dmg
#
# packaging/build.py macos calls it twice: on the app before the DMG is made, then on the DMG.
# It needs these secrets in the environment (the release workflow maps them from the
# repository's secrets); when any is missing it says which and exits 0, so forks and test
# builds still produce an unsigned DMG:
#   MACOS_CERT_P12        the "Developer ID Application" certificate and key, .p12, base64
#   MACOS_CERT_PASSWORD   the .p12's password
#   APPLE_ID              the Apple ID that notarizes
#   APPLE_TEAM_ID         its team id
#   APPLE_APP_PASSWORD    an app-specific password for that Apple ID
# Optional: MACOS_SIGN_IDENTITY, to pick one identity when the .p12 holds several.
#
# The certificate goes into a throw-away keychain that is deleted on exit. The app is signed
# inside out (every Mach-O file, then each framework, then the bundle) with the hardened
# runtime and a secure timestamp, as notarization requires.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
entitlements="$here/entitlements.plist"

usage() {
  echo "usage: $0 app PATH.app | dmg PATH.dmg" >&2
  exit 2
}

kind="${1:-}"
target="${2:-}"
[[ "$kind" == "app" || "$kind" == "dmg" ]] || usage
[[ -e "$target" ]] || { echo "sign_and_notarize: $target does not exist" >&2; exit 2; }

missing=()
for name in MACOS_CERT_P12 MACOS_CERT_PASSWORD APPLE_ID APPLE_TEAM_ID APPLE_APP_PASSWORD; do
  [[ -n "${!name:-}" ]] || missing+=("$name")
done
if (( ${#missing[@]} > 0 )); then
  echo "sign_and_notarize: skipped, $target stays unsigned (not set: ${missing[*]})"
  exit 0
fi
if [[ "$(uname -s)" != "Darwin" ]]; then
  echo "sign_and_notarize: signing needs macOS (codesign, notarytool)" >&2
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

sign_app() {
  local app="$1" main_exe
  main_exe="$app/Contents/MacOS/$(/usr/libexec/PlistBuddy -c "Print :CFBundleExecutable" \
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
  echo "sign_and_notarize: signed $app"
}

notarize_dmg() {
  local dmg="$1" result submission status
  codesign --force --timestamp --sign "$identity" "$dmg"
  result="$workdir/notary.json"
  xcrun notarytool submit "$dmg" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
    --password "$APPLE_APP_PASSWORD" --wait --timeout 45m --output-format json > "$result" || true
  submission="$(plutil -extract id raw -o - "$result" 2>/dev/null || true)"
  status="$(plutil -extract status raw -o - "$result" 2>/dev/null || true)"
  if [[ "$status" != "Accepted" ]]; then
    echo "sign_and_notarize: notarization of $dmg ended '${status:-unknown}'" >&2
    cat "$result" >&2 || true
    if [[ -n "$submission" ]]; then
      xcrun notarytool log "$submission" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
        --password "$APPLE_APP_PASSWORD" >&2 || true
    fi
    exit 1
  fi
  xcrun stapler staple "$dmg"
  xcrun stapler validate "$dmg"
  spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg"
  echo "sign_and_notarize: $dmg signed, notarized and stapled"
}

case "$kind" in
  app) sign_app "$target" ;;
  dmg) notarize_dmg "$target" ;;
esac
