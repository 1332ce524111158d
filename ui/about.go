package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/sfconnect/sfconnect/internal/version"
)

// ShowAbout shows what the app is and which build this is: the version an
// admin quotes when asking for help, from the single place it is kept
// (internal/version/VERSION).
func (u *UI) ShowAbout() {
	name := bold("sfconnect")
	ver := widget.NewLabel(u.L.T("ui.about.version", map[string]any{"Version": version.Version}))
	build := widget.NewLabel(version.String())
	build.Wrapping = fyne.TextWrapBreak
	body := container.NewVBox(name, ver, u.para(u.L.T("ui.about.body")), build)
	d := dialog.NewCustom(u.L.T("ui.about.title"), u.L.T("ui.about.close"), body, u.Win)
	d.Resize(fyne.NewSize(520, 0))
	u.About = d
	d.Show()
}
