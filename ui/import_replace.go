package ui

import (
	"context"

	"fyne.io/fyne/v2/widget"
	"github.com/sfconnect/sfconnect/internal/app"
)

// askReplace explains the keychain entries that no connection owns under
// name and imports data again, replacing them, only when the admin says so.
func (u *UI) askReplace(name string, data []byte, key app.SealKey) {
	body := u.para(u.L.T("ui.import.replace.body", map[string]any{"Name": name}))
	body.Importance = widget.WarningImportance
	newConfirm(u, u.L.T("ui.import.replace.title"), u.L.T("ui.import.replace.confirm"), body, func() {
		u.background(func(ctx context.Context) { u.importDataWith(ctx, data, key, true) })
	}).Show()
}
