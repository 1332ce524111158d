package ui

import (
	"context"
	"io"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/sfconnect/sfconnect/internal/app"
)

// newConfirm is a confirm dialog whose buttons carry our own translations
// (Fyne's built-in Yes/No follow the OS locale, not the app's language).
// Escape answers it with Cancel (see UI.typedKey).
func newConfirm(u *UI, title, confirm string, body fyne.CanvasObject, onConfirm func()) dialog.Dialog {
	var d *dialog.ConfirmDialog
	d = dialog.NewCustomConfirm(title, confirm, u.L.T("ui.action.cancel"), body, func(ok bool) {
		if u.dialog == d {
			u.dialog = nil
		}
		if ok {
			onConfirm()
		}
	}, u.Win)
	d.Resize(fyne.NewSize(520, 0))
	u.dialog = d
	return d
}

// newButtonDialog is a dialog whose buttons the caller sets, so it can
// disable them (a confirm dialog's cannot be); Escape hides it.
func (u *UI) newButtonDialog(title string, body fyne.CanvasObject, width float32) *dialog.CustomDialog {
	d := dialog.NewCustomWithoutButtons(title, body, u.Win)
	d.SetOnClosed(func() {
		if u.dialog == d {
			u.dialog = nil
		}
	})
	d.Resize(fyne.NewSize(width, 0))
	u.dialog = d
	return d
}

// ExportDialog is the question before an export: include the secrets?
// protect the file with a passphrase (protect.go)?
type ExportDialog struct {
	IncludeSecrets *widget.Check
	Warning        *widget.Label
	Protect        *widget.Check
	// Passphrase and Repeat take the passphrase twice; Strength rates it
	// as it is typed and Generate fills in a random one.
	Passphrase, Repeat *widget.Entry
	Strength           *widget.Label
	Generate           *widget.Button
	// Confirm asks where to save; it is enabled while the passphrase, if
	// one is asked for, is acceptable.
	Confirm *widget.Button
}

// showExportDialog asks whether secrets go into the file and how it is
// protected, then for a path, then exports name; report receives the
// outcome text.
func (u *UI) showExportDialog(name string, report func(msg string, imp widget.Importance)) *ExportDialog {
	e := &ExportDialog{}
	// The risk is explained before the box is ticked, and in red once it is
	// (a dialog does not grow after it is shown, so the text stays put).
	e.Warning = u.para(u.L.T("ui.export.secrets.warning"))
	e.Warning.Importance = widget.LowImportance
	protect := u.newProtectForm(e)
	e.IncludeSecrets = widget.NewCheck(u.L.T("ui.export.secrets.include"), func(on bool) {
		e.Warning.Importance = widget.LowImportance
		if on {
			e.Warning.Importance = widget.DangerImportance
		}
		e.Warning.Refresh()
		// Secrets travel protected unless the admin says otherwise.
		e.Protect.SetChecked(on)
	})
	body := container.NewVBox(u.para(u.L.T("ui.export.body", map[string]any{"Name": name})), e.IncludeSecrets, e.Warning, protect)
	d := u.newButtonDialog(u.L.T("ui.export.title"), body, 560)
	cancel := widget.NewButton(u.L.T("ui.action.cancel"), d.Hide)
	e.Confirm = widget.NewButton(u.L.T("ui.export.choose"), func() {
		include, lock := e.IncludeSecrets.Checked, e.lock()
		d.Hide()
		suggested := name + ".sfconnect.json"
		if lock != nil {
			suggested = name + ".sfconnect.age"
		}
		u.pickSavePath(suggested, func(path string) {
			u.exportTo(name, include, lock, path, report)
		}, func(err error) { report(u.L.Error(err), widget.DangerImportance) })
	})
	e.Confirm.Importance = widget.HighImportance
	e.updateConfirm()
	d.SetButtons([]fyne.CanvasObject{cancel, e.Confirm})
	d.Show()
	u.LastExport = e
	return e
}

// exportTo writes the profile file and its hand-over page in the
// background and reports back.
func (u *UI) exportTo(name string, include bool, lock *app.SealLock, path string, report func(string, widget.Importance)) {
	u.background(func(ctx context.Context) {
		h, err := u.backend.ExportHandover(ctx, name, include, lock, path)
		u.do(func() {
			if err != nil {
				report(u.L.Error(err), widget.DangerImportance)
				return
			}
			msg := u.L.T("ui.export.done", map[string]any{"Path": path})
			switch {
			case lock != nil:
				msg = u.L.T("ui.export.done.sealed", map[string]any{"Path": path})
			case include:
				msg = u.L.T("ui.export.done.secrets", map[string]any{"Path": path})
			}
			report(msg+"\n"+u.L.T("ui.export.guide", map[string]any{"Path": h.Guide}), widget.SuccessImportance)
		})
	})
}

// pickSavePath asks for a file to write; tests replace it (SaveDialog).
// failed hears why the file dialog could not give a file (Cancel is not an
// error).
func (u *UI) pickSavePath(suggested string, done func(path string), failed func(error)) {
	if u.SaveDialog != nil {
		u.SaveDialog(suggested, done)
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			failed(err)
			return
		}
		if w == nil {
			return // canceled
		}
		path := w.URI().Path()
		// The dialog has created the file; ExportHandover replaces it atomically
		// with a 0600 one.
		_ = w.Close()
		done(path)
	}, u.Win)
	d.SetFileName(suggested)
	d.SetFilter(storage.NewExtensionFileFilter([]string{filepath.Ext(suggested)}))
	d.Show()
}

// importProfile reads a profile file chosen by the user.
func (u *UI) importProfile() {
	open := u.OpenDialog
	if open == nil {
		open = func(done func(io.ReadCloser)) {
			d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
				switch {
				case err != nil:
					u.Home.setStatus(u.L.Error(err), widget.DangerImportance)
				case r != nil: // nil: canceled
					done(r)
				}
			}, u.Win)
			d.SetFilter(storage.NewExtensionFileFilter([]string{".json", ".age"}))
			d.Show()
		}
	}
	open(func(r io.ReadCloser) {
		u.background(func(ctx context.Context) {
			data, err := io.ReadAll(io.LimitReader(r, 2*app.MaxImportSize+1))
			_ = r.Close()
			needs := app.NeedsNothing
			if err == nil {
				needs, err = app.ImportNeeds(data)
			}
			if err == nil && needs == app.NeedsPassphrase {
				u.do(func() { u.askImportPassphrase(data, "") })
				return
			}
			if err != nil {
				u.do(func() { u.imported(app.Profile{}, err) })
				return
			}
			u.importData(ctx, data, app.SealKey{})
		})
	})
}
