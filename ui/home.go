package ui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/sfconnect/sfconnect/internal/app"
)

// HomeScreen lists the saved connection profiles and the actions on them.
type HomeScreen struct {
	Profiles []app.Profile
	Table    *widget.Table
	Selected int // index into Profiles, -1 when none

	NewButton, OpenButton, ReauthButton, VerifyButton *widget.Button
	ExportButton, DeleteButton, ImportButton          *widget.Button
	DemoButton                                        *widget.Button
	Status                                            *widget.Label
	// Detail shows the selected profile's namespace with the login URL the
	// console builds from it.
	Detail *widget.Label
	// CheckButton checks every connection's token again (see health.go);
	// Health says how the selected one fared and FixButton, shown when its
	// token is dead, re-authorizes it.
	CheckButton, FixButton *widget.Button
	Health                 *widget.Label
	// Orphans is the line about keychain entries without a profile (hidden
	// when there are none), with its Remove button.
	Orphans *OrphansLine

	u *UI
}

// ShowHome shows the saved profiles.
func (u *UI) ShowHome() {
	h := &HomeScreen{u: u, Selected: -1, Status: u.para(""), Detail: widget.NewLabel("")}
	h.Status.Hide()
	h.Detail.Truncation = fyne.TextTruncateEllipsis
	h.Detail.Hide()
	u.Home = h
	list, err := u.backend.List(u.ctx)
	if err != nil {
		h.Status.Importance = widget.DangerImportance
		setError(h.Status, u.L.Error(err))
	}
	h.Profiles = list
	h.NewButton = widget.NewButtonWithIcon(u.L.T("ui.home.new"), theme.ContentAddIcon(), u.startWizard)
	h.NewButton.Importance = widget.HighImportance
	h.OpenButton = widget.NewButtonWithIcon(u.L.T("ui.home.open"), theme.DocumentIcon(), h.open)
	h.ReauthButton = widget.NewButtonWithIcon(u.L.T("ui.home.reauth"), theme.LoginIcon(), h.reauth)
	h.VerifyButton = widget.NewButtonWithIcon(u.L.T("ui.home.verify"), theme.ConfirmIcon(), h.verify)
	h.ExportButton = widget.NewButtonWithIcon(u.L.T("ui.home.export"), theme.DownloadIcon(), h.export)
	h.DeleteButton = widget.NewButtonWithIcon(u.L.T("ui.home.delete"), theme.DeleteIcon(), h.confirmDelete)
	h.DeleteButton.Importance = widget.DangerImportance
	h.ImportButton = widget.NewButtonWithIcon(u.L.T("ui.home.import"), theme.UploadIcon(), u.importProfile)
	h.DemoButton = widget.NewButtonWithIcon(u.L.T("ui.home.demo"), theme.MediaPlayIcon(), u.startDemoWizard)
	if u.startDemo == nil {
		h.DemoButton.Hide()
	}
	h.Table = h.newTable()
	h.CheckButton = widget.NewButtonWithIcon(u.L.T("ui.health.check"), theme.ViewRefreshIcon(), func() { u.checkHealth(h.Profiles) })
	h.Health = u.para("")
	h.Health.Hide()
	h.FixButton = widget.NewButtonWithIcon(u.L.T("ui.home.reauth"), theme.LoginIcon(), h.reauth)
	h.FixButton.Importance = widget.HighImportance
	h.FixButton.Hide()

	var listArea fyne.CanvasObject
	if len(list) == 0 {
		// Regular, not subheading's bold: Home draws no bold (widgets.go).
		title := widget.NewLabel(u.L.T("ui.home.empty.title"))
		title.SizeName = theme.SizeNameSubHeadingText
		listArea = card(title, u.para(u.L.T("ui.home.empty.body")))
	} else {
		tableBox := minSizer(fyne.NewSize(820, 220), h.Table)
		listArea = container.NewVBox(buttonBar(nil, h.CheckButton), tableBox, h.Detail,
			container.NewBorder(nil, nil, nil, container.NewVBox(h.FixButton), h.Health))
	}
	actions := container.NewHBox(h.OpenButton, h.ReauthButton, h.VerifyButton, h.ExportButton, h.DeleteButton)
	if len(list) == 0 {
		actions.Hide()
	}
	body := container.NewVBox(
		u.para(u.L.T("ui.home.intro")),
		listArea,
		actions,
	)
	h.updateButtons()
	h.Orphans = h.newOrphansLine()
	bottom := container.NewVBox(h.Orphans.box, h.Status, buttonBar([]fyne.CanvasObject{h.ImportButton, h.DemoButton}, h.NewButton))
	u.show(ScreenHome, noStep, u.L.T("ui.home.title"), body, bottom)
	if last := u.App.Preferences().String(prefLastProfile); last != "" {
		h.SelectName(last)
	}
	u.checkStale(list)
	h.showHealth()
	h.Orphans.check()
}

// SelectName selects the profile called name, if listed.
func (h *HomeScreen) SelectName(name string) bool {
	for i, p := range h.Profiles {
		if p.Name == name {
			h.Table.Select(widget.TableCellID{Row: i, Col: 0})
			return true
		}
	}
	return false
}

func (h *HomeScreen) selected() (app.Profile, bool) {
	if h.Selected < 0 || h.Selected >= len(h.Profiles) {
		return app.Profile{}, false
	}
	return h.Profiles[h.Selected], true
}

func (h *HomeScreen) updateButtons() {
	p, ok := h.selected()
	detail := ""
	if ok {
		detail = h.u.L.T("ui.home.detail", map[string]any{"Namespace": p.Namespace, "URL": loginURLShown(p)})
	}
	if setError(h.Detail, detail) && h.u.Home == h {
		h.u.relayout()
	}
	for _, b := range []*widget.Button{h.OpenButton, h.ReauthButton, h.VerifyButton, h.ExportButton, h.DeleteButton} {
		if ok {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	h.showHealth()
}

// loginURLShown is where the commands on p, Home's token check first, reach
// Salesforce (app.ContactURL): a shared login host or a simulator where p
// signs in there, else its My Domain as the console shows it, with its "/".
func loginURLShown(p app.Profile) string {
	if u := app.ContactURL(p); u+"/" != app.ConsoleURL(p) {
		return u
	}
	return app.ConsoleURL(p)
}

func (h *HomeScreen) setStatus(text string, imp widget.Importance) {
	h.Status.Importance = imp
	setError(h.Status, text) // shown only when there is something to say
	h.u.relayout()
}

func (h *HomeScreen) open() {
	p, ok := h.selected()
	if !ok {
		return
	}
	u := h.u
	u.wiz = wizard{saved: &p}
	u.showFields()
}

func (h *HomeScreen) reauth() {
	p, ok := h.selected()
	if !ok {
		return
	}
	u := h.u
	u.wiz = wizard{reauth: p.Name, saved: &p}
	u.ShowAuthorize()
}

func (h *HomeScreen) verify() {
	p, ok := h.selected()
	if !ok {
		return
	}
	u := h.u
	h.VerifyButton.Disable()
	h.setStatus(u.L.T("ui.home.verifying.at", map[string]any{"Name": p.Name, "URL": app.ContactURL(p)}), widget.MediumImportance)
	u.background(func(ctx context.Context) {
		rep, err := u.backend.Verify(ctx, p.Name, func(s app.Step) {
			u.do(func() { h.setStatus(u.stepText(s), widget.MediumImportance) })
		})
		if err == nil {
			// Verify records when it passed: show the profile as saved now.
			// Read here, not in u.do: the UI thread does no I/O.
			if fresh, lerr := u.backend.Load(ctx, p.Name); lerr == nil {
				p = fresh
			}
		}
		u.do(func() {
			if u.Home != h {
				return
			}
			if err != nil {
				h.VerifyButton.Enable()
				h.setStatus(u.L.Error(err), widget.DangerImportance)
				return
			}
			u.wiz = wizard{saved: &p, report: rep}
			u.showResult()
		})
	})
}

func (h *HomeScreen) export() {
	if p, ok := h.selected(); ok {
		h.u.showExportDialog(p.Name, func(msg string, imp widget.Importance) { h.setStatus(msg, imp) })
	}
}

func (h *HomeScreen) confirmDelete() {
	p, ok := h.selected()
	if !ok {
		return
	}
	u := h.u
	msg := container.NewVBox(u.para(u.L.T("ui.home.delete.body", map[string]any{"Name": p.Name})), u.contactLine(p))
	d := newConfirm(u, u.L.T("ui.home.delete.title"), u.L.T("ui.home.delete.confirm"), msg, func() { h.delete(p.Name) })
	d.Show()
}

func (h *HomeScreen) delete(name string) {
	u := h.u
	h.DeleteButton.Disable()
	h.setStatus(u.L.T("ui.home.deleting", map[string]any{"Name": name}), widget.MediumImportance)
	u.background(func(ctx context.Context) {
		gone, err := u.backend.Remove(ctx, name, true, func(st app.Step) {
			u.do(func() { h.setStatus(u.stepText(st), widget.MediumImportance) })
		})
		u.do(func() {
			if u.Home != h {
				return
			}
			if err != nil {
				h.DeleteButton.Enable()
				msg := u.L.Error(err)
				var nr *app.RevokeError
				if errors.As(err, &nr) {
					msg = u.L.T("ui.home.delete.not_revoked", map[string]any{"Name": name}) + " " + msg
				}
				h.setStatus(msg, widget.DangerImportance)
				return
			}
			// Stale: Salesforce no longer knew the copy, or the org rotates
			// refresh tokens, so the console may hold a newer one that works.
			key := "ui.home.deleted"
			if gone.Stale {
				key = "ui.home.deleted.stale"
			}
			u.ShowHome()
			u.Home.setStatus(u.L.T(key, map[string]any{"Name": name}), widget.SuccessImportance)
		})
	})
}
