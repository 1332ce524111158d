package assets

import _ "embed"

// Icon is the application icon: a 1024x1024 RGBA PNG (drawn by
// scripts/make-icon.sh). The GUI wraps it in a fyne resource itself, so this
// package stays free of fyne and the CLI can link it without cgo.
//
//go:embed icon.png
var Icon []byte
