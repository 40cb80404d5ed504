#!/usr/bin/env bash
# Cargo runner for the x86_64-pc-windows-gnu target (see .cargo/config.toml): runs a Windows
# exe under Debian's wine64. Wine 8 lacks ProcessPrng, which every Rust exe imports, so a
# test-only bcryptprimitives.dll (process_prng.c) is built once with mingw and put beside the
# exe and beside the binaries a test exe starts (the CLI sits one folder above `deps`).
# WINEPREFIX defaults to a prefix under target/ that later runs reuse (creating one takes a while).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
exe="$1"
shift

shim_dir="${CARGO_TARGET_DIR:-$root/target}/wine-shim"
shim="$shim_dir/bcryptprimitives.dll"
if [[ ! -f "$shim" || "$here/process_prng.c" -nt "$shim" ]]; then
  mkdir -p "$shim_dir"
  x86_64-w64-mingw32-gcc -O2 -shared -static-libgcc -o "$shim" \
    "$here/process_prng.c" "$here/process_prng.def" -ladvapi32
fi
exe_dir="$(cd "$(dirname "$exe")" && pwd)"
for dir in "$exe_dir" "$(dirname "$exe_dir")"; do
  cmp -s "$shim" "$dir/bcryptprimitives.dll" || cp "$shim" "$dir/bcryptprimitives.dll"
done

export WINEPREFIX="${WINEPREFIX:-${CARGO_TARGET_DIR:-$root/target}/wine-prefix}"
export WINEDEBUG="${WINEDEBUG:--all}"
# Take the DLL beside the exe, not Wine's own (which has no ProcessPrng).
export WINEDLLOVERRIDES="bcryptprimitives=n,b${WINEDLLOVERRIDES:+;$WINEDLLOVERRIDES}"
wine="$(command -v wine64 || echo /usr/lib/wine/wine64)"
exec "$wine" "$exe" "$@"
