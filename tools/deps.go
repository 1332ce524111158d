//go:build tools

// Package tools pins the modules the project builds on until code imports them.
package tools

import (
	_ "fyne.io/fyne/v2"
	_ "fyne.io/fyne/v2/app"
	_ "fyne.io/fyne/v2/container"
	_ "fyne.io/fyne/v2/dialog"
	_ "fyne.io/fyne/v2/test"
	_ "fyne.io/fyne/v2/widget"
	_ "github.com/nicksnyder/go-i18n/v2/i18n"
	_ "github.com/zalando/go-keyring"
	_ "golang.org/x/oauth2"
	_ "golang.org/x/term"
	_ "golang.org/x/text/language"
)
