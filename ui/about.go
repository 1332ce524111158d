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
// (internal/version/VERSION). It also names the Japanese font the app
// bundles and its licence; the OFL itself asks that the licence text travel
// with the font, which every package carries (assets/fonts/OFL.txt, as
// OFL-NotoSansCJKjp.txt).
func (u *UI) ShowAbout() {
	name := bold("sfconnect")
	ver := widget.NewLabel(u.L.T("ui.about.version", map[string]any{"Version": version.Version}))
	build := widget.NewLabel(version.String())
	build.Wrapping = fyne.TextWrapBreak
	font := u.para(u.L.T("ui.about.font"))
	body := container.NewVBox(name, ver, u.para(u.L.T("ui.about.body")), font, build)
	d := dialog.NewCustom(u.L.T("ui.about.title"), u.L.T("ui.about.close"), body, u.Win)
	d.Resize(fyne.NewSize(520, 0))
	u.About = d
	d.Show()
}
