package assets

import _ "embed"

// Icon is the application icon: a 1024x1024 RGBA PNG (drawn by
// scripts/make-icon.sh), for packaging. The GUI wraps the icons in fyne
// resources itself, so this package stays free of fyne and the CLI can link
// it without cgo.
//
//go:embed icon.png
var Icon []byte

// WindowIcon is Icon at 256x256, the largest size a window icon is shown
// at (Fyne draws SVG window icons at 256 too). The GUI decodes it and hands
// it to the window system before its first frame: the 1024 px one took
// 15-20 ms and 4 MB to decode, and 4 MB more to send to the X server.
//
//go:embed icon-256.png
var WindowIcon []byte
