#!/usr/bin/env bash
# Proves the Windows installer under Wine (issue 13): a silent install (/S) puts the program,
# the WebView2 loader, the uninstaller and both shortcuts where they belong, registers the
# uninstaller under HKCU and runs an offline WebView2 installer found beside the setup; the
# installed CLI keeps its database under %APPDATA%; a silent uninstall removes the program and
# keeps that data; an uninstall with /DELETEDATA removes it too.
# Usage: tests/windows/installer-test.sh path/to/BranchDesk_<version>_x64-setup.exe
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
setup="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
wine="$(command -v wine64 || echo /usr/lib/wine/wine64)"
wineserver="$(command -v wineserver || echo /usr/lib/wine/wineserver)"

work="$(mktemp -d)"
export WINEPREFIX="$work/prefix"
export WINEDEBUG=-all
# No Linux menu entries for the shortcuts, no Mono/Gecko prompts while the prefix is made.
export WINEDLLOVERRIDES="winemenubuilder.exe=d;mscoree=;mshtml="
cleanup() { "$wineserver" -k 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

fail() { echo "installer test FAILED: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }
# Runs a Windows program and waits for every process it started (the uninstaller re-runs
# itself from a temporary copy).
run() { "$wine" "$@"; "$wineserver" -w; }
# The Unix path of a Windows environment variable, e.g. unix_of APPDATA.
unix_of() {
  local win
  win="$("$wine" cmd /c echo "%$1%" | tr -d '\r')"
  "$wine" winepath -u "$win" | tr -d '\r'
}

"$wine" wineboot -i >/dev/null 2>&1
"$wineserver" -w
appdata="$(unix_of APPDATA)"
localappdata="$(unix_of LOCALAPPDATA)"
profile="$(unix_of USERPROFILE)"
program="$localappdata/Programs/BranchDesk"
start_menu="$appdata/Microsoft/Windows/Start Menu/Programs/BranchDesk.lnk"
desktop="$profile/Desktop/BranchDesk.lnk"
data="$appdata/com.branchdesk.app"
key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\BranchDesk'

# The setup in a folder of its own, with a stand-in offline WebView2 installer beside it.
mkdir -p "$work/download"
cp "$setup" "$work/download/setup.exe"
x86_64-w64-mingw32-gcc -O2 -static-libgcc -o "$work/download/MicrosoftEdgeWebView2RuntimeInstallerX64.exe" \
  "$here/fake_webview2_installer.c"

echo "== silent install"
run "$work/download/setup.exe" /S
for file in branchdesk.exe branchdesk-cli.exe WebView2Loader.dll uninstall.exe \
  guide/user-guide.en.md guide/user-guide.zh-CN.md; do
  [[ -f "$program/$file" ]] || fail "$program/$file was not installed"
done
pass "program, CLI, WebView2Loader.dll, user guide and uninstaller in %LOCALAPPDATA%\\Programs\\BranchDesk"
[[ -f "$start_menu" ]] || fail "no Start-menu shortcut at $start_menu"
[[ -f "$desktop" ]] || fail "no desktop shortcut at $desktop"
pass "Start-menu and desktop shortcuts"
registered="$("$wine" reg query "$key" /v QuietUninstallString | tr -d '\r')" ||
  fail "the uninstaller is not registered under $key"
[[ "$registered" == *'uninstall.exe" /S'* ]] || fail "unexpected QuietUninstallString: $registered"
"$wine" reg query "$key" /v DisplayVersion >/dev/null || fail "no DisplayVersion under $key"
pass "uninstaller registered under HKCU"
ran="$work/download/MicrosoftEdgeWebView2RuntimeInstallerX64.exe.ran"
[[ -f "$ran" ]] || fail "the offline WebView2 installer beside the setup was not run"
grep -q '/silent /install' "$ran" || fail "the WebView2 installer was run as: $(cat "$ran")"
pass "WebView2 missing: the offline runtime installer beside the setup ran silently"

echo "== the installed CLI keeps its data under %APPDATA%"
# Wine 8 only: the ProcessPrng stand-in beside the exe for the run (see wine-runner.sh).
x86_64-w64-mingw32-gcc -O2 -shared -static-libgcc -o "$program/bcryptprimitives.dll" \
  "$here/process_prng.c" "$here/process_prng.def" -ladvapi32
WINEDLLOVERRIDES="$WINEDLLOVERRIDES;bcryptprimitives=n,b" run "$program/branchdesk-cli.exe" \
  init --name "网点 一" --code pd01 --industry postal --tz Asia/Shanghai --lang zh-CN
rm "$program/bcryptprimitives.dll"
[[ -s "$data/branchdesk.db" ]] || fail "the CLI did not create $data/branchdesk.db"
pass "database created at %APPDATA%\\com.branchdesk.app\\branchdesk.db"

echo "== silent uninstall keeps the data"
run "$program/uninstall.exe" /S
[[ ! -e "$program" ]] || fail "$program is still there: $(ls -A "$program")"
[[ ! -e "$start_menu" && ! -e "$desktop" ]] || fail "a shortcut is still there"
if "$wine" reg query "$key" >/dev/null 2>&1; then fail "$key is still registered"; fi
[[ -s "$data/branchdesk.db" ]] || fail "the uninstaller removed the user's database"
pass "program, shortcuts and registration gone; %APPDATA%\\com.branchdesk.app kept"

echo "== uninstall with /DELETEDATA removes the data"
rm "$work/download/MicrosoftEdgeWebView2RuntimeInstallerX64.exe"
run "$work/download/setup.exe" /S
[[ -f "$program/branchdesk.exe" ]] || fail "the second install did not put the program in place"
mkdir -p "$localappdata/com.branchdesk.app/EBWebView"
run "$program/uninstall.exe" /S /DELETEDATA
[[ ! -e "$program" ]] || fail "$program is still there"
[[ ! -e "$data" ]] || fail "/DELETEDATA left $data"
[[ ! -e "$localappdata/com.branchdesk.app" ]] || fail "/DELETEDATA left the WebView data"
pass "program and data folders gone"
echo "installer test passed"
