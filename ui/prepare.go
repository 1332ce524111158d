package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/sfconnect/sfconnect/internal/app"
)

// Values the admin pastes into Salesforce's External Client App form.
const (
	suggestedAppName = "sfconnect"
	suggestedAPIName = "sfconnect"
	scopeAPI         = "api"
	scopeRefresh     = "refresh_token, offline_access"
)

// portCallbackURL is the callback for when port 80 is unusable, on the port
// that the core's port errors suggest too.
var portCallbackURL = app.SuggestedCallbackURL

// PrepareScreen is the External Client App checklist of the seed manual,
// with a copy button for every value to paste into Salesforce.
type PrepareScreen struct {
	Callback *widget.SelectEntry
	// CopyButtons by what they copy: "appName", "apiName", "callback",
	// "scopeAPI", "scopeRefresh".
	CopyButtons map[string]*widget.Button
	Next, Back  *widget.Button
}

// ShowPrepare shows step 1 of the wizard.
func (u *UI) ShowPrepare() {
	s := &PrepareScreen{CopyButtons: map[string]*widget.Button{}}
	u.Prepare = s
	if u.wiz.input.CallbackURL == "" {
		u.wiz.input.CallbackURL = u.Settings.CallbackURL
	}
	s.Callback = widget.NewSelectEntry([]string{DefaultCallbackURL, portCallbackURL})
	s.Callback.SetText(u.wiz.input.CallbackURL)
	s.Callback.OnChanged = func(v string) { u.wiz.input.CallbackURL = v }
	copyRow := func(id, label, value string) fyne.CanvasObject {
		b := widget.NewButtonWithIcon(u.L.T("ui.action.copy"), theme.ContentCopyIcon(), nil)
		b.OnTapped = func() {
			v := value
			if id == "callback" {
				v = s.Callback.Text
			}
			u.Clip.Copy(v)
			b.SetText(u.L.T("ui.action.copied"))
		}
		s.CopyButtons[id] = b
		val := widget.NewLabel(value)
		val.TextStyle = fyne.TextStyle{Monospace: true}
		if id == "callback" {
			return container.NewBorder(nil, nil, widget.NewLabel(label), b, s.Callback)
		}
		return container.NewBorder(nil, nil, widget.NewLabel(label), b, val)
	}
	check := func(on bool, label string) fyne.CanvasObject {
		res, mark := theme.CheckButtonCheckedIcon(), u.L.T("ui.prepare.on")
		if !on {
			res, mark = theme.CheckButtonIcon(), u.L.T("ui.prepare.off")
		}
		return container.NewBorder(nil, nil, container.NewHBox(widget.NewIcon(res), bold(mark)), nil, u.para(label))
	}
	step := func(n int, title string, items ...fyne.CanvasObject) fyne.CanvasObject {
		head := subheading(fmt.Sprintf("%d. %s", n, title))
		return card(append([]fyne.CanvasObject{head}, items...)...)
	}
	body := container.NewVBox(
		u.para(u.L.T("ui.prepare.intro")),
		step(1, u.L.T("ui.prepare.s1.title"), u.para(u.L.T("ui.prepare.s1.body"))),
		step(2, u.L.T("ui.prepare.s2.title"),
			u.para(u.L.T("ui.prepare.s2.body")),
			copyRow("appName", u.L.T("ui.prepare.appname"), suggestedAppName),
			copyRow("apiName", u.L.T("ui.prepare.apiname"), suggestedAPIName),
			u.hint(u.L.T("ui.prepare.apiname.hint")),
			u.para(u.L.T("ui.prepare.email")),
			u.para(u.L.T("ui.prepare.distribution"))),
		step(3, u.L.T("ui.prepare.s3.title"),
			u.para(u.L.T("ui.prepare.s3.body")),
			copyRow("callback", u.L.T("ui.prepare.callback"), ""),
			u.hint(u.L.T("ui.prepare.callback.hint")),
			u.para(u.L.T("ui.prepare.scopes")),
			copyRow("scopeAPI", u.L.T("ui.prepare.scope.api"), scopeAPI),
			copyRow("scopeRefresh", u.L.T("ui.prepare.scope.refresh"), scopeRefresh)),
		step(4, u.L.T("ui.prepare.s4.title"),
			check(true, u.L.T("ui.prepare.flag.websecret")),
			check(false, u.L.T("ui.prepare.flag.refreshsecret")),
			check(false, u.L.T("ui.prepare.flag.pkce")),
			u.hint(u.L.T("ui.prepare.flag.pkce.hint"))),
		step(5, u.L.T("ui.prepare.s5.title"), u.para(u.L.T("ui.prepare.s5.body")),
			u.hint(u.L.T("ui.prepare.wait"))),
	)
	s.Back = widget.NewButton(u.L.T("ui.action.back"), u.goHome)
	s.Next = widget.NewButtonWithIcon(u.L.T("ui.prepare.next"), theme.NavigateNextIcon(), u.ShowCredentials)
	s.Next.Importance = widget.HighImportance
	u.show(ScreenPrepare, stepPrepare, u.L.T("ui.prepare.title"), body, buttonBar(nil, s.Back, s.Next))
	u.setPrimary(s.Next)
}
