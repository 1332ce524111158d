package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TokenNotice tells the admin that the console's refresh token must be
// replaced: after a re-authorization (the old token was revoked) or a deep
// check in an org that rotates refresh tokens. The new token's copy button
// and the export are right there, so the admin can act at once.
type TokenNotice struct {
	Text   *widget.Label
	Copy   *widget.Button
	Export *widget.Button
	// Status says what the last copy or export did.
	Status *widget.Label
}

// tokenNotice builds the notice for profile name. shown reports whether the
// screen that holds it is still on display: a secret read from the keychain
// after the admin left is dropped, never copied.
func (u *UI) tokenNotice(name, text string, shown func() bool) (*TokenNotice, fyne.CanvasObject) {
	n := &TokenNotice{Text: u.para(text), Status: u.para("")}
	n.Text.Importance = widget.WarningImportance
	n.Text.TextStyle = fyne.TextStyle{Bold: true}
	n.Status.Hide()
	report := func(msg string, imp widget.Importance) {
		n.Status.Importance = imp
		setError(n.Status, msg)
		u.relayout()
	}
	n.Copy = widget.NewButtonWithIcon(u.L.T("ui.notice.copy"), theme.ContentCopyIcon(), func() {
		// The keychain may take a moment (or ask the user): never on the UI thread.
		u.background(func(ctx context.Context) {
			sec, err := u.backend.Secrets(ctx, name)
			u.do(func() {
				switch {
				case !shown():
				case err != nil:
					report(u.L.Error(err), widget.DangerImportance)
				default:
					u.Clip.CopySecret(sec.RefreshToken)
					report(u.L.T("ui.fields.copied.secret"), widget.WarningImportance)
				}
			})
		})
	})
	n.Copy.Importance = widget.HighImportance
	n.Export = widget.NewButtonWithIcon(u.L.T("ui.fields.export"), theme.DownloadIcon(), func() {
		u.showExportDialog(name, report)
	})
	icon := widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon()))
	return n, card(container.NewBorder(nil, nil, icon, nil, n.Text),
		buttonBar([]fyne.CanvasObject{n.Copy, n.Export}), n.Status)
}
