#!/usr/bin/env bash
# make-font.sh rebuilds the Japanese font the GUI bundles (assets/fonts/),
# so that Japanese renders on any Windows, whatever fonts it has: Noto Sans
# CJK JP Regular and Bold from Debian's fonts-noto-cjk, cut down with
# fontTools' subsetter to
#   - ASCII, Latin-1 and general punctuation (the English texts);
#   - every character of Windows code page 932: JIS X 0208 (kana, symbols,
#     JIS level 1 and 2 kanji) plus the NEC and IBM extensions (①, ㈱,
#     髙, 﨑, ...), so names and memos typed by admins render too;
#   - half-width katakana and the CJK punctuation block;
#   - every character of the app's translations (assets/i18n).
# Only the layout features Fyne's shaper uses for horizontal text are kept
# (kern, liga, ccmp); vertical metrics and hinting are dropped. The licence
# (SIL OFL 1.1) is copied beside the fonts.
#
# Needs: fonts-noto-cjk, python3-fonttools (scripts/deps.sh installs both).
#   scripts/make-font.sh        # then commit assets/fonts/
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-/usr/bin/python3}
SRC=/usr/share/fonts/opentype/noto
OUT=assets/fonts
COPYRIGHT=/usr/share/doc/fonts-noto-cjk/copyright

for f in "$SRC/NotoSansCJK-Regular.ttc" "$SRC/NotoSansCJK-Bold.ttc" "$COPYRIGHT"; do
	[[ -f $f ]] || { echo "make-font: $f missing (apt-get install fonts-noto-cjk)" >&2; exit 1; }
done
"$PY" -c 'import fontTools.subset' 2>/dev/null ||
	{ echo "make-font: $PY has no fontTools (apt-get install python3-fonttools)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$PY" - assets/i18n >"$tmp/chars.txt" <<'PY'
import glob, os, sys, unicodedata
chars = set(chr(c) for c in range(0x20, 0x7F))
chars |= {chr(c) for c in range(0xA0, 0x180)}      # Latin-1, Latin Extended-A
chars |= {chr(c) for c in range(0x2010, 0x2070)}   # general punctuation
chars |= {chr(c) for c in range(0x3000, 0x3100)}   # CJK punctuation, kana
chars |= {chr(c) for c in range(0xFF61, 0xFFA0)}   # half-width katakana
for lead in range(0x81, 0xFD):                     # code page 932, two bytes
    for trail in range(0x40, 0xFD):
        try:
            chars.add(bytes([lead, trail]).decode("cp932"))
        except UnicodeDecodeError:
            pass
for f in glob.glob(os.path.join(sys.argv[1], "*", "*.json")):
    with open(f, encoding="utf-8") as fh:
        chars |= set(fh.read())
# Single characters only (cp932 decodes a few byte pairs to two), no control
# or private-use ones (cp932's user-defined area).
chars = {c for c in chars if len(c) == 1 and unicodedata.category(c)[0] != "C"}
sys.stdout.write("".join(sorted(chars)))
PY

# A fixed timestamp in the fonts' head table: rebuilding from the same
# Debian package gives the same bytes.
export SOURCE_DATE_EPOCH
SOURCE_DATE_EPOCH=$(stat -c %Y "$SRC/NotoSansCJK-Regular.ttc")
mkdir -p "$OUT"
for weight in Regular Bold; do
	"$PY" -m fontTools.subset "$SRC/NotoSansCJK-$weight.ttc" --font-number=0 \
		--text-file="$tmp/chars.txt" --layout-features=kern,liga,ccmp --no-hinting \
		--drop-tables+=vmtx,vhea,VORG --name-IDs='*' --name-languages='*' \
		--output-file="$OUT/NotoSansCJKjp-$weight-subset.otf"
done

# The licence text as Debian ships it (copyright file, "License: SIL-1.1").
{
	echo "Noto Sans CJK JP (Regular, Bold), subset by scripts/make-font.sh from Debian's"
	echo "fonts-noto-cjk $(dpkg-query -W -f='${Version}' fonts-noto-cjk 2>/dev/null || echo '(version unknown)')."
	echo "Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'."
	echo "Source: https://github.com/notofonts/noto-cjk"
	echo
	# The stand-alone "License: SIL-1.1" paragraph, not the field of "Files: *".
	awk 'on && /^[^ ]/ { exit } on { sub(/^ /, ""); if ($0 == ".") $0 = ""; print }
		/^License: SIL-1.1$/ && prev == "" { on = 1 } { prev = $0 }' "$COPYRIGHT"
} >"$OUT/OFL.txt"
grep -q "SIL OPEN FONT LICENSE Version 1.1" "$OUT/OFL.txt" || { echo "make-font: licence text not found in $COPYRIGHT" >&2; exit 1; }

echo "make-font: $(wc -m <"$tmp/chars.txt") characters"
ls -l "$OUT"
