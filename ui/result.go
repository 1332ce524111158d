package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/sfconnect/sfconnect/internal/app"
)

// ResultScreen shows who authorized and the checklist of the connection,
// after a new authorization or a Verify.
type ResultScreen struct {
	Namespace, LoginURL                  *widget.Label
	Username, OrgID, InstanceURL, Scopes *widget.Label
	// Checks holds one line per report check, in report order.
	Checks []*CheckLine
	Next   *widget.Button // to the console fields (new connection)
	Back   *widget.Button
	// Deep runs the deep check of a saved profile (shown after a Verify,
	// which only asked Salesforce about the token without using it).
	Deep *widget.Button
	// Notice appears when a deep check got a rotated refresh token.
	Notice *TokenNotice
	// Status shows the deep check's progress or error.
	Status *widget.Label
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
	s := &ResultScreen{Status: u.para("")}
	s.Status.Hide()
	u.Result = s
	var p app.Profile
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
		l := widget.NewLabel(app.SafeLine(v)) // from Salesforce's answer, not yet validated
		l.TextStyle = fyne.TextStyle{Monospace: true}
		l.Selectable = true
		return l
	}
	s.Username, s.OrgID, s.InstanceURL = value(username), value(orgID), value(p.InstanceURL)
	s.Scopes = value(strings.Join(p.Scopes, ", "))
	s.Namespace, s.LoginURL = value(p.Namespace), value(app.ConsoleURL(p))
	who := container.New(layout.NewFormLayout(),
		widget.NewLabel(u.L.T("ui.result.namespace")), s.Namespace,
		widget.NewLabel(u.L.T("ui.result.loginurl")), s.LoginURL,
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
		if rep.Unanswered() {
			switch rep.Checks[0].Key {
			case "app.check.token.unreached":
				// The deep check would meet the same network: the fix is below.
				summary.SetText(u.L.T("ui.result.summary.unreached"))
			case "app.check.token.withheld":
				// The deep check does not present a rotating token blind.
				summary.SetText(u.L.T("ui.result.summary.withheld"))
			default:
				summary.SetText(u.L.T("ui.result.summary.unknown"))
			}
		}
		summary.Importance = widget.WarningImportance
	case app.Fail:
		summary.SetText(u.L.T("ui.result.summary.fail"))
		summary.Importance = widget.DangerImportance
	}
	summary.TextStyle = fyne.TextStyle{Bold: true}
	body := container.NewVBox(summary)
	if rep.Replaced {
		var box fyne.CanvasObject
		s.Notice, box = u.tokenNotice(p.Name, u.L.T("ui.notice.rotated"), func() bool { return u.Result == s && u.screen == ScreenResult })
		body.Add(box)
	}
	body.Add(card(subheading(u.L.T("ui.result.checks")), checks))
	body.Add(card(subheading(u.L.T("ui.result.who")), who))

	if u.wiz.conn != nil {
		s.Back = widget.NewButton(u.L.T("ui.action.back"), func() { u.leave(u.ShowAuthorize) })
		s.Next = widget.NewButtonWithIcon(u.L.T("ui.result.next"), theme.NavigateNextIcon(), u.showFields)
		s.Next.Importance = widget.HighImportance
		if worst == app.Fail {
			// Salesforce granted a token this connection cannot use; the
			// core refuses to save it, so the way on is back.
			s.Next.Disable()
		}
		u.show(ScreenResult, stepResult, u.L.T("ui.result.title"), body, buttonBar(nil, s.Back, s.Next))
		u.setPrimary(s.Next)
		return
	}
	s.Back = widget.NewButton(u.L.T("ui.action.back"), u.goHome)
	s.Next = widget.NewButtonWithIcon(u.L.T("ui.result.open"), theme.DocumentIcon(), u.showFields)
	s.Deep = widget.NewButtonWithIcon(u.L.T("ui.deep.button"), theme.SearchIcon(), func() { u.confirmDeep(s, p) })
	if rep.Deep || rep.Checks[0].Key == "app.check.token.withheld" {
		s.Deep.Hide() // done, or it would not use the token either
	}
	u.show(ScreenResult, noStep, u.L.T("ui.result.title.verify", map[string]any{"Name": p.Name}), body,
		container.NewVBox(s.Status, buttonBar([]fyne.CanvasObject{s.Deep}, s.Back, s.Next)))
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
	msg := u.L.T(c.Key, c.Args)
	if c.Detail != nil {
		msg += " " + u.L.Error(c.Detail)
	}
	text := u.para(mark + " " + msg)
	text.Importance = imp
	return &CheckLine{ID: c.ID, Status: c.Status, Icon: widget.NewIcon(res), Text: text}
}

func (s *ResultScreen) setStatus(u *UI, text string, imp widget.Importance) {
	s.Status.Importance = imp
	setError(s.Status, text) // shown only when there is something to say
	u.relayout()
}
