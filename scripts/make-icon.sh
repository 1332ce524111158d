#!/usr/bin/env bash
# make-icon.sh draws the sfconnect icon with ImageMagick shapes only (no fonts,
# so it renders the same everywhere) and writes:
#   assets/icon.png              1024x1024 RGBA, used by fyne package
#   assets/icon-256.png          256x256 RGBA, the GUI's window icon (decoding
#                                the large one slowed the first frame)
#   packaging/windows/sfconnect.ico  16..256 px, used by the MSI (shortcut, Apps & Features)
# The outputs are committed; run this only when the design changes.
set -euo pipefail
cd "$(dirname "$0")/.."

# Prefer the real ImageMagick 6 binary: some machines put a stand-in `convert`
# earlier in PATH.
IM=${IM:-}
for c in convert-im6.q16 /usr/bin/convert magick convert; do
	if [[ -z $IM ]] && command -v "$c" >/dev/null 2>&1; then IM=$c; fi
done
[[ -n $IM ]] || { echo "make-icon: ImageMagick not found (apt-get install imagemagick)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

S=1024
# 1. Background: diagonal Salesforce-like blue gradient in a rounded square
#    with a 64 px margin (macOS and Windows both expect some breathing room).
"$IM" -size ${S}x${S} -define gradient:angle=135 gradient:'#2fa8ff'-'#0a4fb0' "$tmp/grad.png"
"$IM" -size ${S}x${S} xc:none -fill white -draw "roundrectangle 64,64 959,959 210,210" "$tmp/mask.png"
"$IM" "$tmp/grad.png" "$tmp/mask.png" -alpha off -compose CopyOpacity -composite "$tmp/bg.png"
# A soft light from the top gives the tile some depth.
"$IM" -size ${S}x${S} xc:none -fill 'rgba(255,255,255,0.10)' \
	-draw "ellipse 512,150 520,330 0,360" -blur 0x40 "$tmp/shine.png"
"$IM" "$tmp/bg.png" \( "$tmp/shine.png" "$tmp/mask.png" -compose DstIn -composite \) \
	-compose Over -composite "$tmp/bg2.png"

# 2. The cloud: overlapping circles on a rounded base, white.
cloud=(
	-draw "circle 362,566 362,436"
	-draw "circle 535,450 535,260"
	-draw "circle 708,575 708,455"
	-draw "roundrectangle 225,500 835,700 100,100"
)
"$IM" -size ${S}x${S} xc:none -fill white "${cloud[@]}" "$tmp/cloud.png"
# Its shadow, offset down and blurred, so the cloud floats over the tile.
"$IM" -size ${S}x${S} xc:none -fill 'rgba(3,30,80,0.35)' "${cloud[@]}" \
	-blur 0x24 -roll +0+26 "$tmp/shadow.png"

# 3. The key glyph (the app keeps the connection's secrets): a ring, a shaft
#    and two teeth in the tile's dark blue. The ring's hole is cloud white.
"$IM" -size ${S}x${S} xc:none -fill '#0b5cc4' \
	-draw "circle 432,515 432,420" \
	-draw "roundrectangle 492,492 722,538 14,14" \
	-draw "roundrectangle 622,520 658,594 8,8" \
	-draw "roundrectangle 678,520 714,574 8,8" \
	-fill white -draw "circle 432,515 432,470" "$tmp/link.png"

"$IM" "$tmp/bg2.png" "$tmp/shadow.png" -compose Over -composite \
	"$tmp/cloud.png" -compose Over -composite \
	"$tmp/link.png" -compose Over -composite \
	-strip -depth 8 -define png:color-type=6 "$tmp/icon.png"

mkdir -p assets packaging/windows
cp "$tmp/icon.png" assets/icon.png
"$IM" assets/icon.png -resize 256x256 -strip -depth 8 -define png:color-type=6 assets/icon-256.png
"$IM" assets/icon.png -define icon:auto-resize=256,128,64,48,32,24,16 packaging/windows/sfconnect.ico
echo "make-icon: wrote assets/icon.png, assets/icon-256.png and packaging/windows/sfconnect.ico"
