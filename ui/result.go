package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/profile"
)

// ResultScreen shows who authorized and the checklist of the connection,
// after a new authorization or a Verify.
type ResultScreen struct {
	Username, OrgID, InstanceURL, Scopes *widget.Label
	// Checks holds one line per report check, in report order.
	Checks []*CheckLine
	Next   *widget.Button // to the console fields (new connection)
	Back   *widget.Button
}

// CheckLine is one pass / warn / fail line of the checklist.
type CheckLine struct {
	ID     string
	Status app.Status
	Icon   *widget.Icon
	Text   *widget.Label
}

// showResult shows step 4 for u.wiz.conn (new) or u.wiz.report (verify).
func (u *UI) showResult() {
	s := &ResultScreen{}
	u.Result = s
	var p profile.Profile
	var rep app.Report
	switch {
	case u.wiz.conn != nil:
		p, rep = u.wiz.conn.Profile, u.wiz.conn.Report
	case u.wiz.saved != nil && u.wiz.report != nil:
		p, rep = *u.wiz.saved, *u.wiz.report
	default:
		u.ShowHome()
		return
	}
	username := rep.Identity.Username
	if username == "" {
		username = p.Username
	}
	orgID := rep.Identity.OrgID
	if orgID == "" {
		orgID = p.OrgID
	}
	value := func(v string) *widget.Label {
		l := widget.NewLabel(v)
		l.TextStyle = fyne.TextStyle{Monospace: true}
		l.Selectable = true
		return l
	}
	s.Username, s.OrgID, s.InstanceURL = value(username), value(orgID), value(p.InstanceURL)
	s.Scopes = value(strings.Join(p.Scopes, ", "))
	who := container.New(layout.NewFormLayout(),
		widget.NewLabel(u.L.T("ui.result.username")), s.Username,
		widget.NewLabel(u.L.T("ui.result.orgid")), s.OrgID,
		widget.NewLabel(u.L.T("ui.result.instance")), s.InstanceURL,
		widget.NewLabel(u.L.T("ui.result.scopes")), s.Scopes,
	)
	checks := container.NewVBox()
	worst := app.Pass
	for _, c := range rep.Checks {
		line := u.checkLine(c)
		s.Checks = append(s.Checks, line)
		checks.Add(container.NewBorder(nil, nil, line.Icon, nil, line.Text))
		if c.Status > worst {
			worst = c.Status
		}
	}
	summary := u.para(u.L.T("ui.result.summary.pass"))
	summary.Importance = widget.SuccessImportance
	switch worst {
	case app.Warn:
		summary.SetText(u.L.T("ui.result.summary.warn"))
		summary.Importance = widget.WarningImportance
	case app.Fail:
		summary.SetText(u.L.T("ui.result.summary.fail"))
		summary.Importance = widget.DangerImportance
	}
	summary.TextStyle = fyne.TextStyle{Bold: true}
	body := container.NewVBox(summary,
		card(subheading(u.L.T("ui.result.checks")), checks),
		card(subheading(u.L.T("ui.result.who")), who))

	if u.wiz.conn != nil {
		s.Back = widget.NewButton(u.L.T("ui.action.back"), func() { u.leave(u.ShowAuthorize) })
		s.Next = widget.NewButtonWithIcon(u.L.T("ui.result.next"), theme.NavigateNextIcon(), u.showFields)
		s.Next.Importance = widget.HighImportance
		if worst == app.Fail {
			// Salesforce granted a token this connection cannot use; the
			// core refuses to save it, so the way on is back.
			s.Next.Disable()
		}
		u.show("result", 4, u.L.T("ui.result.title"), body, buttonBar(nil, s.Back, s.Next))
		u.setPrimary(s.Next)
		return
	}
	s.Back = widget.NewButton(u.L.T("ui.action.back"), u.goHome)
	s.Next = widget.NewButtonWithIcon(u.L.T("ui.result.open"), theme.DocumentIcon(), u.showFields)
	u.show("result", 0, u.L.T("ui.result.title.verify", map[string]any{"Name": p.Name}), body, buttonBar(nil, s.Back, s.Next))
	u.setPrimary(s.Next)
}

// checkLine renders a report check with its mark: the icon carries the
// status for the eye, the text for a screen reader.
func (u *UI) checkLine(c app.Check) *CheckLine {
	var res fyne.Resource
	var mark string
	var imp widget.Importance
	switch c.Status {
	case app.Pass:
		res, mark, imp = theme.NewSuccessThemedResource(theme.ConfirmIcon()), u.L.T("ui.result.mark.pass"), widget.SuccessImportance
	case app.Warn:
		res, mark, imp = theme.NewWarningThemedResource(theme.WarningIcon()), u.L.T("ui.result.mark.warn"), widget.WarningImportance
	default:
		res, mark, imp = theme.NewErrorThemedResource(theme.ErrorIcon()), u.L.T("ui.result.mark.fail"), widget.DangerImportance
	}
	text := u.para(mark + " " + u.L.T(c.Key, c.Args))
	text.Importance = imp
	return &CheckLine{ID: c.ID, Status: c.Status, Icon: widget.NewIcon(res), Text: text}
}
