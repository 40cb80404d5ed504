#!/usr/bin/env python3
"""Generate every BranchDesk application icon from icons/source/icon.svg.

Usage (from anywhere):
    python3 icons/source/make_icons.py [--renderer auto|rsvg|cairosvg|pillow]

Rasterising the SVG:
  1. `rsvg-convert` (Debian package librsvg2-bin), if it is on PATH;
  2. the `cairosvg` Python module, if it is installed;
  3. otherwise the same design is drawn directly with Pillow (supersampled).
With (1) or (2) every size is rendered straight from the vector source, so
small icons come out sharper than a downscale would.

Writes into icons/ (the parent of this folder). Every PNG is 8-bit RGBA,
which is what Tauri's generate_context! requires:
  32x32.png 64x64.png 128x128.png 128x128@2x.png (256) icon.png (512)
  Square30x30Logo.png ... Square310x310Logo.png, StoreLogo.png (50)
  icon.ico  (16, 24, 32, 48, 64, 256)
  icon.icns (16, 32, 64, 128, 256, 512, 1024 - PNG entries, incl. @2x types)
"""

from __future__ import annotations

import argparse
import io
import shutil
import struct
import subprocess
import sys
from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
SVG = HERE / "icon.svg"
OUT = HERE.parent

PNG_OUTPUTS = {
    "32x32.png": 32,
    "64x64.png": 64,
    "128x128.png": 128,
    "128x128@2x.png": 256,
    "icon.png": 512,
    # Windows Store / appx logos, named as `tauri icon` names them
    "Square30x30Logo.png": 30,
    "Square44x44Logo.png": 44,
    "Square71x71Logo.png": 71,
    "Square89x89Logo.png": 89,
    "Square107x107Logo.png": 107,
    "Square142x142Logo.png": 142,
    "Square150x150Logo.png": 150,
    "Square284x284Logo.png": 284,
    "Square310x310Logo.png": 310,
    "StoreLogo.png": 50,
}
ICO_SIZES = [16, 24, 32, 48, 64, 256]
# ICNS entries (all PNG payloads): OSType -> pixel size
ICNS_TYPES = [
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),  # 512@2x
    (b"ic11", 32),  # 16@2x
    (b"ic12", 64),  # 32@2x
    (b"ic13", 256),  # 128@2x
    (b"ic14", 512),  # 256@2x
]


# --------------------------------------------------------------------------
# Renderers: each returns a callable size -> RGBA Image of size x size
# --------------------------------------------------------------------------
def _rsvg(size: int) -> Image.Image:
    png = subprocess.run(
        ["rsvg-convert", "-w", str(size), "-h", str(size), "-f", "png", str(SVG)],
        check=True,
        capture_output=True,
    ).stdout
    return Image.open(io.BytesIO(png)).convert("RGBA")


def _cairosvg(size: int) -> Image.Image:
    import cairosvg  # type: ignore

    png = cairosvg.svg2png(url=str(SVG), output_width=size, output_height=size)
    return Image.open(io.BytesIO(png)).convert("RGBA")


def _hex(c: str) -> tuple[int, int, int]:
    c = c.lstrip("#")
    return tuple(int(c[i : i + 2], 16) for i in (0, 2, 4))  # type: ignore


# Design constants, kept identical to icon.svg (1024 units).
GRAD_FROM, GRAD_TO = _hex("#1E40AF"), _hex("#0D8A7F")
CHECK = _hex("#1665A0")
TILE = (40, 40, 984, 984, 208)  # x0, y0, x1, y1, radius
BUBBLE = (212, 236, 812, 688, 128)
TAIL = [(316, 640), (492, 640), (300, 806)]
CHECK_PTS = [(360, 468), (462, 570), (666, 366)]
CHECK_W = 88


def _pillow_master() -> Image.Image:
    """Draw the icon.svg design with Pillow at 4x 1024 and downsample."""
    ss = 4
    n = 1024 * ss

    def s(v: float) -> int:
        return int(round(v * ss))

    # Diagonal gradient (SVG: objectBoundingBox (0,0)->(1,1) over the tile),
    # computed on a small grid then smoothly upscaled.
    g = 256
    x0, y0, x1, y1, _ = TILE
    grad = Image.new("RGB", (g, g))
    px = []
    for j in range(g):
        y = (j + 0.5) * 1024 / g
        for i in range(g):
            x = (i + 0.5) * 1024 / g
            t = ((x - x0) / (x1 - x0) + (y - y0) / (y1 - y0)) / 2
            t = min(1.0, max(0.0, t))
            px.append(tuple(round(a + (b - a) * t) for a, b in zip(GRAD_FROM, GRAD_TO)))
    grad.putdata(px)
    grad = grad.resize((n, n), Image.Resampling.BICUBIC).convert("RGBA")

    mask = Image.new("L", (n, n), 0)
    ImageDraw.Draw(mask).rounded_rectangle(
        [s(x0), s(y0), s(x1) - 1, s(y1) - 1], radius=s(TILE[4]), fill=255
    )
    img = Image.new("RGBA", (n, n), (0, 0, 0, 0))
    img.paste(grad, (0, 0), mask)

    d = ImageDraw.Draw(img)
    bx0, by0, bx1, by1, br = BUBBLE
    d.rounded_rectangle([s(bx0), s(by0), s(bx1) - 1, s(by1) - 1], radius=s(br), fill="white")
    d.polygon([(s(x), s(y)) for x, y in TAIL], fill="white")

    pts = [(s(x), s(y)) for x, y in CHECK_PTS]
    w = s(CHECK_W)
    d.line(pts, fill=CHECK + (255,), width=w, joint="curve")
    r = w / 2
    for x, y in (pts[0], pts[-1]):  # round caps
        d.ellipse([x - r, y - r, x + r, y + r], fill=CHECK + (255,))

    return img.resize((1024, 1024), Image.Resampling.LANCZOS)


def pick_renderer(name: str):
    if name in ("auto", "rsvg") and shutil.which("rsvg-convert"):
        return "rsvg-convert", _rsvg
    if name == "rsvg":
        sys.exit("rsvg-convert not found (apt-get install -y librsvg2-bin)")
    if name in ("auto", "cairosvg"):
        try:
            import cairosvg  # type: ignore  # noqa: F401

            return "cairosvg", _cairosvg
        except Exception:  # ImportError or missing libcairo (OSError)
            if name == "cairosvg":
                sys.exit("cairosvg is not usable (pip install cairosvg)")
    master = _pillow_master()
    cache: dict[int, Image.Image] = {}

    def _pillow(size: int) -> Image.Image:
        if size not in cache:
            cache[size] = master if size == 1024 else master.resize(
                (size, size), Image.Resampling.LANCZOS
            )
        return cache[size].copy()

    return "pillow (drawn design)", _pillow


# --------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------
def rgba8(img: Image.Image) -> Image.Image:
    img = img.convert("RGBA")
    assert img.mode == "RGBA"
    return img


def write_png(img: Image.Image, path: Path) -> None:
    rgba8(img).save(path, format="PNG", optimize=True)


def write_ico(render, path: Path) -> None:
    frames = [rgba8(render(s)) for s in ICO_SIZES]
    big = frames[-1]
    big.save(
        path,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=frames[:-1],
    )


def write_icns(render, path: Path) -> None:
    """Write an ICNS with PNG payloads (Pillow's own writer skips 16 px)."""
    streams: dict[int, bytes] = {}
    for _, size in ICNS_TYPES:
        if size not in streams:
            buf = io.BytesIO()
            rgba8(render(size)).save(buf, format="PNG", optimize=True)
            streams[size] = buf.getvalue()

    entries = [(ostype, streams[size]) for ostype, size in ICNS_TYPES]
    toc = b"TOC " + struct.pack(">I", 8 + 8 * len(entries))
    toc += b"".join(t + struct.pack(">I", 8 + len(d)) for t, d in entries)
    body = toc + b"".join(t + struct.pack(">I", 8 + len(d)) + d for t, d in entries)
    path.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--renderer", choices=["auto", "rsvg", "cairosvg", "pillow"], default="auto"
    )
    ap.add_argument("--out", type=Path, default=OUT, help="output folder (default: icons/)")
    args = ap.parse_args()

    label, render = pick_renderer(args.renderer)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    print(f"renderer: {label}; source: {SVG}")

    for name, size in PNG_OUTPUTS.items():
        write_png(render(size), out / name)
    write_ico(render, out / "icon.ico")
    write_icns(render, out / "icon.icns")

    # Verify what was written.
    ok = True
    for name, size in PNG_OUTPUTS.items():
        with Image.open(out / name) as im:
            good = im.format == "PNG" and im.mode == "RGBA" and im.size == (size, size)
            ok &= good
            print(f"  {'ok ' if good else 'BAD'} {name:24s} {im.size[0]}x{im.size[1]} {im.mode}")
    with Image.open(out / "icon.ico") as im:
        ico = sorted(s[0] for s in im.info["sizes"])
        good = ico == sorted(ICO_SIZES)
        ok &= good
        print(f"  {'ok ' if good else 'BAD'} icon.ico                 sizes {ico}")
    with Image.open(out / "icon.icns") as im:
        icns = sorted({(w * sc) for w, _, sc in im.info["sizes"]})
        im.load()
        good = {16, 32, 64, 128, 256, 512, 1024} <= set(icns) and im.mode == "RGBA"
        ok &= good
        print(f"  {'ok ' if good else 'BAD'} icon.icns                pixel sizes {icns}")
    if not ok:
        sys.exit("verification failed")


if __name__ == "__main__":
    main()
