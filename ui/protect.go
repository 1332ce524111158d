package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/sfconnect/sfconnect/internal/app"
)

// newProtectForm builds the "protect with a passphrase" part of the export
// dialog: the passphrase twice, a strength hint as it is typed and a
// button that generates one. Its fields stay in place when protection is
// off (disabled), because a shown dialog does not grow.
func (u *UI) newProtectForm(e *ExportDialog) fyne.CanvasObject {
	e.Passphrase = widget.NewPasswordEntry()
	e.Passphrase.SetPlaceHolder(u.L.T("ui.export.passphrase"))
	e.Repeat = widget.NewPasswordEntry()
	e.Repeat.SetPlaceHolder(u.L.T("ui.export.passphrase.repeat"))
	e.Strength = widget.NewLabel("")
	e.Strength.Wrapping = u.wrap()
	e.Strength.SizeName = theme.SizeNameCaptionText
	e.Generate = widget.NewButton(u.L.T("ui.export.passphrase.generate"), func() {
		p := app.GeneratePassphrase()
		// Shown, not masked: the admin must read it out to the receiver.
		e.Passphrase.Password = false
		e.Passphrase.SetText(p)
		e.Repeat.SetText(p)
	})
	changed := func(string) { u.rateProtect(e) }
	e.Passphrase.OnChanged, e.Repeat.OnChanged = changed, changed
	e.Protect = widget.NewCheck(u.L.T("ui.export.protect"), func(bool) { u.rateProtect(e) })
	u.rateProtect(e)
	return container.NewVBox(e.Protect,
		container.NewBorder(nil, nil, nil, e.Generate, e.Passphrase), e.Repeat, e.Strength)
}

// rateProtect enables the fields for the chosen protection, shows how
// strong the passphrase is (or that the two differ) and whether the export
// may go ahead.
func (u *UI) rateProtect(e *ExportDialog) {
	for _, w := range []fyne.Disableable{e.Passphrase, e.Repeat, e.Generate} {
		if e.Protect.Checked {
			w.Enable()
		} else {
			w.Disable()
		}
	}
	text, imp := u.L.T("ui.export.protect.off"), widget.LowImportance
	if e.Protect.Checked {
		s := app.RatePassphrase(e.Passphrase.Text)
		text, imp = u.L.T(s.MessageKey(), s.MessageArgs()), strengthImportance(s)
		if e.Repeat.Text != "" && e.Repeat.Text != e.Passphrase.Text {
			text, imp = u.L.T("ui.export.passphrase.differ"), widget.DangerImportance
		}
	}
	e.Strength.Importance = imp
	e.Strength.SetText(text)
	e.updateConfirm()
}

func strengthImportance(s app.PassphraseStrength) widget.Importance {
	switch s {
	case app.PassphraseTooShort:
		return widget.DangerImportance
	case app.PassphraseWeak:
		return widget.WarningImportance
	case app.PassphraseFair:
		return widget.MediumImportance
	}
	return widget.SuccessImportance
}

// lock is the protection chosen: nil for a plain file.
func (e *ExportDialog) lock() *app.SealLock {
	if !e.Protect.Checked {
		return nil
	}
	return &app.SealLock{Passphrase: e.Passphrase.Text}
}

// updateConfirm lets the export go ahead unprotected, or with a passphrase
// typed the same twice that Seal accepts.
func (e *ExportDialog) updateConfirm() {
	if e.Confirm == nil {
		return
	}
	ok := !e.Protect.Checked ||
		(app.CheckPassphrase(e.Passphrase.Text) == nil && e.Repeat.Text == e.Passphrase.Text)
	if ok {
		e.Confirm.Enable()
	} else {
		e.Confirm.Disable()
	}
}
