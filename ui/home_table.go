package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/sfconnect/sfconnect/internal/app"
)

// Columns of the profile table.
const (
	colName = iota
	colOrg
	colUser
	colVerified
	colStatus
	numCols
)

var colWidths = [numCols]float32{170, 170, 200, 150, 150}

func (h *HomeScreen) newTable() *widget.Table {
	u := h.u
	t := widget.NewTableWithHeaders(
		func() (int, int) { return len(h.Profiles), numCols },
		func() fyne.CanvasObject {
			icon := widget.NewIcon(theme.ConfirmIcon())
			icon.Hide()
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, icon, nil, l)
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			l := box.Objects[0].(*widget.Label)
			icon := box.Objects[1].(*widget.Icon)
			p := h.Profiles[id.Row]
			icon.Hide()
			l.Importance = widget.MediumImportance
			switch id.Col {
			case colName:
				l.SetText(p.Name)
			case colOrg:
				l.SetText(p.Namespace)
			case colUser:
				l.SetText(p.Username)
			case colVerified:
				l.SetText(u.formatTime(p))
			case colStatus:
				text, res, imp := u.profileStatus(p)
				icon.SetResource(res)
				icon.Show()
				l.Importance = imp
				l.SetText(text)
			}
			box.Refresh()
		})
	t.ShowHeaderColumn = false
	// The header row is muted rather than bold (Home draws no bold text:
	// widgets.go); the names under it keep the foreground colour.
	t.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Importance = widget.LowImportance
		return l
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		switch id.Col {
		case colName:
			l.SetText(u.L.T("ui.home.col.name"))
		case colOrg:
			l.SetText(u.L.T("ui.home.col.org"))
		case colUser:
			l.SetText(u.L.T("ui.home.col.user"))
		case colVerified:
			l.SetText(u.L.T("ui.home.col.verified"))
		case colStatus:
			l.SetText(u.L.T("ui.home.col.status"))
		}
	}
	for i, w := range colWidths {
		t.SetColumnWidth(i, w)
	}
	t.OnSelected = func(id widget.TableCellID) {
		h.Selected = id.Row
		if id.Row >= 0 && id.Row < len(h.Profiles) {
			u.App.Preferences().SetString(prefLastProfile, h.Profiles[id.Row].Name)
		}
		h.updateButtons()
	}
	t.OnUnselected = func(widget.TableCellID) {
		h.Selected = -1
		h.updateButtons()
	}
	return t
}

// formatTime shows when a profile was last verified (or authorized).
func (u *UI) formatTime(p app.Profile) string {
	t := p.VerifiedAt
	if t.IsZero() {
		t = p.AuthorizedAt
	}
	if t.IsZero() {
		return "—"
	}
	return t.Local().Format("2006-01-02 15:04")
}

// profileStatus is the status column: the token's live state once checked
// (health.go); demo profiles are marked as such.
func (u *UI) profileStatus(p app.Profile) (string, fyne.Resource, widget.Importance) {
	if text, res, imp, ok := u.liveStatus(p); ok {
		return text, res, imp
	}
	switch {
	case p.Demo:
		return u.L.T("ui.home.status.demo"), theme.NewWarningThemedResource(theme.InfoIcon()), widget.WarningImportance
	case !p.VerifiedAt.IsZero():
		return u.L.T("ui.home.status.verified"), theme.NewSuccessThemedResource(theme.ConfirmIcon()), widget.SuccessImportance
	default:
		return u.L.T("ui.home.status.authorized"), theme.ConfirmIcon(), widget.MediumImportance
	}
}
