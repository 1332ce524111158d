package ui

import (
	"bytes"
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/sfconnect/sfconnect/internal/app"
)

// ImportPrompt asks for the passphrase of a protected file being imported.
type ImportPrompt struct {
	Passphrase *widget.Entry
	Error      *widget.Label // why the last passphrase did not open the file
	Confirm    *widget.Button
}

// askImportPassphrase asks for the passphrase that opens data; errText
// says why the previous try failed. A wrong passphrase asks again; any
// other outcome is reported on Home.
func (u *UI) askImportPassphrase(data []byte, errText string) *ImportPrompt {
	p := &ImportPrompt{Passphrase: widget.NewPasswordEntry(), Error: u.errorLabel()}
	setError(p.Error, errText)
	body := container.NewVBox(u.para(u.L.T("ui.import.passphrase.body")), p.Passphrase, p.Error)
	d := u.newButtonDialog(u.L.T("ui.import.passphrase.title"), body, 520)
	cancel := widget.NewButton(u.L.T("ui.action.cancel"), func() {
		d.Hide()
		clear(data)
	})
	p.Confirm = widget.NewButton(u.L.T("ui.import.passphrase.open"), func() {
		key := app.SealKey{Passphrase: p.Passphrase.Text}
		d.Hide()
		u.background(func(ctx context.Context) { u.importData(ctx, data, key) })
	})
	p.Confirm.Importance = widget.HighImportance
	p.Confirm.Disable()
	p.Passphrase.OnChanged = func(s string) {
		if s == "" {
			p.Confirm.Disable()
		} else {
			p.Confirm.Enable()
		}
	}
	p.Passphrase.OnSubmitted = func(string) {
		if !p.Confirm.Disabled() {
			p.Confirm.OnTapped()
		}
	}
	d.SetButtons([]fyne.CanvasObject{cancel, p.Confirm})
	d.Show()
	u.Win.Canvas().Focus(p.Passphrase)
	u.LastImport = p
	return p
}

// importData imports a read file with key (off the UI thread) and reports.
func (u *UI) importData(ctx context.Context, data []byte, key app.SealKey) {
	u.importDataWith(ctx, data, key, false)
}

// importDataWith is importData that, with replace, first deletes keychain
// entries no connection owns under the imported name; without it, such
// entries make it ask (askReplace), never take them over.
func (u *UI) importDataWith(ctx context.Context, data []byte, key app.SealKey, replace bool) {
	p, err := u.backend.ImportSealedWith(ctx, bytes.NewReader(data), app.ImportOptions{Replace: replace}, key)
	u.do(func() {
		var orphaned *app.OrphanedSecretsError
		switch {
		case errors.Is(err, app.ErrWrongPassphrase) && u.screen == ScreenHome:
			u.askImportPassphrase(data, u.L.Error(err))
			return
		case !replace && errors.As(err, &orphaned) && u.screen == ScreenHome:
			u.askReplace(orphaned.Name, data, key)
			return
		}
		clear(data)
		u.imported(p, err)
	})
}

// imported shows the outcome of an import on Home.
func (u *UI) imported(p app.Profile, err error) {
	if u.screen != ScreenHome {
		return
	}
	if err != nil {
		u.Home.setStatus(u.L.Error(err), widget.DangerImportance)
		return
	}
	u.App.Preferences().SetString(prefLastProfile, p.Name)
	u.ShowHome()
	u.Home.setStatus(u.L.T("ui.home.imported", map[string]any{"Name": p.Name}), widget.SuccessImportance)
}
