#!/usr/bin/env bash
# Builds BranchDesk for Windows on Linux (issue 13): the desktop app and the CLI for
# x86_64-pc-windows-gnu (release, with mingw-w64, see .cargo/config.toml), then
#   target/windows/BranchDesk_<version>_x64-setup.exe     NSIS installer (installer.nsi)
#   target/windows/BranchDesk_<version>_x64-portable.zip  exe + WebView2Loader.dll + README.txt
# Needs: rustup target add x86_64-pc-windows-gnu; apt install mingw-w64 nsis zip.
# Our own .nsi rather than the Tauri bundler's NSIS target: that one downloads NSIS and its
# nsis_tauri_utils plugin from GitHub, which branches' build machines (and this one) cannot reach.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
here="$root/src-tauri/packaging/windows"
cd "$root"
triple=x86_64-pc-windows-gnu
version="$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n1)"
[[ -n "$version" ]] || { echo "no version in Cargo.toml" >&2; exit 1; }
target_dir="${CARGO_TARGET_DIR:-$root/target}"
release="$target_dir/$triple/release"
out="$target_dir/windows"

cargo build --release --locked --target "$triple" --bin branchdesk --bin branchdesk-cli

# webview2-com-sys copies the loader into its build output; the gnu target needs it beside the exe.
loader="$(ls -t "$release"/build/webview2-com-sys-*/out/x64/WebView2Loader.dll | head -n1)"

# Only Windows' own DLLs and the loader may be imported: a mingw runtime DLL (libgcc_s_seh-1,
# libwinpthread-1, libstdc++-6) would be missing on the user's machine.
for exe in branchdesk.exe branchdesk-cli.exe; do
  imports="$(x86_64-w64-mingw32-objdump -p "$release/$exe" | sed -n 's/^\s*DLL Name: //p')"
  if grep -i '^lib' <<<"$imports"; then
    echo "$exe imports a mingw runtime DLL that is not shipped (above)" >&2
    exit 1
  fi
done

stage="$out/stage"
rm -rf "$stage"
mkdir -p "$stage"
cp "$release/branchdesk.exe" "$release/branchdesk-cli.exe" "$loader" "$stage/"
# Help › User guide looks for guide/ beside the exe (Tauri's resource folder on Windows).
mkdir -p "$stage/guide"
cp "$root"/docs/user-guide.*.md "$stage/guide/"

setup="$out/BranchDesk_${version}_x64-setup.exe"
makensis -V2 -DVERSION="$version" -DSTAGE="$stage" -DICON="$root/icons/icon.ico" \
  -DOUTFILE="$setup" "$here/installer.nsi"

portable_name="BranchDesk_${version}_x64-portable"
portable="$out/$portable_name"
rm -rf "$portable" "$portable.zip"
mkdir -p "$portable"
cp -r "$stage/branchdesk.exe" "$stage/WebView2Loader.dll" "$stage/guide" "$portable/"
# Windows line ends, so Notepad on older Windows shows the lines.
sed "s/@VERSION@/$version/; s/\$/\r/" "$here/portable-README.txt" >"$portable/README.txt"
(cd "$out" && zip -q -9 -X -r "$portable_name.zip" "$portable_name")
rm -rf "$portable"

ls -l "$setup" "$portable.zip" | awk '{ printf "%s: %.1f MB (%d bytes)\n", $NF, $5 / 1048576, $5 }'
