#!/usr/bin/env bash
# Builds target/linux/branchdesk_<version>_<arch>.deb with dpkg-deb (issue 13): the desktop app
# and the CLI in /usr/bin, a menu entry and the icons. Our own script rather than
# `cargo tauri build --bundles deb`, which needs tauri-cli, a `cargo install` of several minutes
# on every fresh CI machine for what dpkg-deb does in a second.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
here="$root/src-tauri/packaging/linux"
cd "$root"
version="$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n1)"
[[ -n "$version" ]] || { echo "no version in Cargo.toml" >&2; exit 1; }
arch="$(dpkg --print-architecture)"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
out="$target_dir/linux"

cargo build --release --locked --bin branchdesk --bin branchdesk-cli

tree="$out/deb"
rm -rf "$tree"
mkdir -p "$tree/DEBIAN" "$tree/usr/bin" "$tree/usr/share/applications"
install -m 0755 "$target_dir/release/branchdesk" "$target_dir/release/branchdesk-cli" "$tree/usr/bin/"
# Help › User guide: Tauri's resource folder for a program in /usr/bin is /usr/lib/<productName>.
install -D -m 0644 -t "$tree/usr/lib/BranchDesk/guide" docs/user-guide.*.md
install -m 0644 "$here/branchdesk.desktop" "$tree/usr/share/applications/branchdesk.desktop"
for size in 32x32 128x128; do
  install -D -m 0644 "icons/$size.png" "$tree/usr/share/icons/hicolor/$size/apps/branchdesk.png"
done
install -D -m 0644 "icons/128x128@2x.png" "$tree/usr/share/icons/hicolor/256x256/apps/branchdesk.png"

cat >"$tree/DEBIAN/control" <<CONTROL
Package: branchdesk
Version: $version
Architecture: $arch
Maintainer: BranchDesk <branchdesk@localhost>
Installed-Size: $(du -sk --exclude=DEBIAN "$tree" | cut -f1)
Depends: libwebkit2gtk-4.1-0, libgtk-3-0
Section: misc
Priority: optional
Description: Complaint tracking for branch managers
 Complaint tracking, staff training and prevention plans for branch
 managers (property, hotel, postal). Includes branchdesk-cli.
CONTROL

deb="$out/branchdesk_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$tree" "$deb" >/dev/null
rm -rf "$tree"
ls -l "$deb" | awk '{ printf "%s: %.1f MB (%d bytes)\n", $NF, $5 / 1048576, $5 }'
