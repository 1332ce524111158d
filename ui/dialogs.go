package ui

import (
	"context"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
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

// ExportDialog is the "include secrets?" question before an export.
type ExportDialog struct {
	IncludeSecrets *widget.Check
	Warning        *widget.Label
}

// showExportDialog asks whether secrets go into the file, then for a path,
// then exports name; report receives the outcome text.
func (u *UI) showExportDialog(name string, report func(msg string, imp widget.Importance)) *ExportDialog {
	e := &ExportDialog{}
	// The risk is explained before the box is ticked, and in red once it is
	// (a dialog does not grow after it is shown, so the text stays put).
	e.Warning = u.para(u.L.T("ui.export.secrets.warning"))
	e.Warning.Importance = widget.LowImportance
	e.IncludeSecrets = widget.NewCheck(u.L.T("ui.export.secrets.include"), func(on bool) {
		e.Warning.Importance = widget.LowImportance
		if on {
			e.Warning.Importance = widget.DangerImportance
		}
		e.Warning.Refresh()
	})
	body := container.NewVBox(u.para(u.L.T("ui.export.body", map[string]any{"Name": name})), e.IncludeSecrets, e.Warning)
	d := newConfirm(u, u.L.T("ui.export.title"), u.L.T("ui.export.choose"), body, func() {
		include := e.IncludeSecrets.Checked
		u.pickSavePath(name+".sfconnect.json", func(path string) {
			u.exportTo(name, include, path, report)
		}, func(err error) { report(u.L.Error(err), widget.DangerImportance) })
	})
	d.Show()
	u.LastExport = e
	return e
}

// exportTo writes the profile file in the background and reports back.
func (u *UI) exportTo(name string, include bool, path string, report func(string, widget.Importance)) {
	u.background(func(ctx context.Context) {
		err := u.backend.ExportFile(ctx, name, include, path)
		u.do(func() {
			if err != nil {
				report(u.L.Error(err), widget.DangerImportance)
				return
			}
			key := u.L.T("ui.export.done", map[string]any{"Path": path})
			if include {
				key = u.L.T("ui.export.done.secrets", map[string]any{"Path": path})
			}
			report(key, widget.SuccessImportance)
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
		// The dialog has created the file; ExportFile replaces it atomically
		// with a 0600 one.
		_ = w.Close()
		done(path)
	}, u.Win)
	d.SetFileName(suggested)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
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
			d.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
			d.Show()
		}
	}
	open(func(r io.ReadCloser) {
		u.background(func(ctx context.Context) {
			p, err := u.backend.Import(ctx, r, "")
			_ = r.Close()
			u.do(func() {
				if u.screen != "home" {
					return
				}
				if err != nil {
					u.Home.setStatus(u.L.Error(err), widget.DangerImportance)
					return
				}
				u.App.Preferences().SetString(prefLastProfile, p.Name)
				u.ShowHome()
				u.Home.setStatus(u.L.T("ui.home.imported", map[string]any{"Name": p.Name}), widget.SuccessImportance)
			})
		})
	})
}
