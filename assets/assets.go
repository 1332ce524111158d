// Package assets holds the files embedded into every sfconnect binary: the
// translations shared by the CLI and the GUI, and the application icon.
package assets

import "embed"

// I18n holds the translation files, one folder per language
// (i18n/en/<area>.json, i18n/ja/<area>.json), flat go-i18n JSON.
//
//go:embed i18n
var I18n embed.FS
