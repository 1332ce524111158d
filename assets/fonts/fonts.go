// Package fonts holds the Japanese font the desktop app bundles: Noto Sans
// CJK JP Regular and Bold, cut down to the characters a Japanese Windows
// admin types (scripts/make-font.sh; SIL Open Font License 1.1, OFL.txt).
// Windows has no Japanese font the app can count on (and Fyne finds none at
// all in a bare Wine prefix), so without it Japanese text showed as boxes.
// It is a package of its own so that only the GUI embeds its 3.8 MB: the
// CLI, which imports package assets, does not.
package fonts

import _ "embed"

// Regular is Noto Sans CJK JP Regular (OpenType, CFF outlines), subset.
//
//go:embed NotoSansCJKjp-Regular-subset.otf
var Regular []byte

// Bold is Noto Sans CJK JP Bold (OpenType, CFF outlines), subset.
//
//go:embed NotoSansCJKjp-Bold-subset.otf
var Bold []byte
