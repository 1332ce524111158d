package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/sfconnect/sfconnect/internal/app"
)

// MatchingAttributes are the usual answers to the console's
// 名寄せに使用する項目; the admin may type another field name.
var MatchingAttributes = []string{"Username", "Email", "FederationIdentifier", "EmployeeNumber"}

// FieldsScreen is step 5: the console's "SaaS connection > Salesforce" form
// in the console's own order, with a copy button per value, Save and Export.
type FieldsScreen struct {
	Name              *widget.Entry
	Domain            *widget.Entry
	MatchingAttribute *widget.SelectEntry
	RandomPassword    *widget.Check
	AssetName         *widget.Entry
	AssetID           *widget.Entry
	Memo              *widget.Entry

	// Copy buttons by console field: "namespace", "clientID", "domain",
	// "clientSecret", "refreshToken", "matching", "assetName", "assetID", "memo".
	Copy map[string]*widget.Button
	// CopyOrder lists the keys of Copy in the console's order.
	CopyOrder []string

	Save, Export, Done *widget.Button
	Status             *widget.Label
	// Notice appears once a re-authorization is saved: the console's
	// refresh token must be replaced (nil before).
	Notice *TokenNotice

	u         *UI
	noticeBox *fyne.Container
	p         app.Profile
	secrets   *app.Secrets
	isNew     bool
}

// showFields shows the console fields of u.wiz.conn (new) or u.wiz.saved.
func (u *UI) showFields() {
	s := &FieldsScreen{u: u, Copy: map[string]*widget.Button{}, Status: u.para("")}
	s.Status.Hide()
	u.Fields = s
	switch {
	case u.wiz.conn != nil:
		s.p, s.isNew = u.wiz.conn.Profile, true
		sec := u.wiz.conn.Secrets
		s.secrets = &sec
		if u.wiz.saved != nil {
			// Re-authorized: keep the console fields the admin already set.
			app.FieldsOf(*u.wiz.saved).ApplyTo(&s.p)
			s.p.Name = u.wiz.saved.Name
		}
	case u.wiz.saved != nil:
		s.p = *u.wiz.saved
	default:
		u.ShowHome()
		return
	}
	if s.p.Name == "" {
		s.p.Name = u.suggestName(s.p)
	}
	if s.p.MatchingAttribute == "" {
		s.p.MatchingAttribute = MatchingAttributes[0]
	}
	s.build()
}

func (s *FieldsScreen) build() {
	u := s.u
	s.Name = widget.NewEntry()
	s.Name.SetText(s.p.Name)
	if !s.isNew || u.wiz.reauth != "" {
		// A saved connection keeps its name; re-authorizing renews it in place.
		s.Name.Disable()
	}
	s.Domain = widget.NewEntry()
	s.Domain.SetText(s.p.Domain)
	s.Domain.SetPlaceHolder("example.co.jp")
	s.MatchingAttribute = widget.NewSelectEntry(MatchingAttributes)
	s.MatchingAttribute.SetText(s.p.MatchingAttribute)
	s.RandomPassword = widget.NewCheck(u.L.T("ui.fields.random"), nil)
	s.RandomPassword.SetChecked(s.p.GenerateRandomPassword)
	s.AssetName = widget.NewEntry()
	s.AssetName.SetText(s.p.AssetName)
	s.AssetID = widget.NewEntry()
	s.AssetID.SetText(s.p.AssetID)
	s.Memo = widget.NewMultiLineEntry()
	s.Memo.SetText(s.p.Memo)
	s.Memo.SetMinRowsVisible(2)
	for _, e := range []*widget.Entry{s.Name, s.Domain, &s.MatchingAttribute.Entry, s.AssetName, s.AssetID} {
		e.OnSubmitted = func(string) { s.save() }
	}

	masked := func() fyne.CanvasObject {
		l := widget.NewLabel("••••••••••••")
		l.TextStyle = fyne.TextStyle{Monospace: true}
		return l
	}
	fixed := func(v string) fyne.CanvasObject {
		l := widget.NewLabel(v)
		l.TextStyle = fyne.TextStyle{Monospace: true}
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	form := container.New(layout.NewFormLayout())
	row := func(id, label string, value fyne.CanvasObject, get func() string, secret bool) {
		var right fyne.CanvasObject
		if get != nil {
			b := widget.NewButtonWithIcon(u.L.T("ui.action.copy"), theme.ContentCopyIcon(), nil)
			b.OnTapped = func() { s.copy(b, get, secret) }
			s.Copy[id] = b
			s.CopyOrder = append(s.CopyOrder, id)
			right = b
		}
		form.Add(bold(label))
		form.Add(container.NewBorder(nil, nil, nil, right, value))
	}
	row("namespace", u.L.T("ui.fields.namespace"), fixed(s.p.Namespace), func() string { return s.p.Namespace }, false)
	// The URL the console builds from the namespace, for the admin to check.
	row("loginURL", u.L.T("ui.fields.loginurl"), fixed(app.ConsoleURL(s.p)), nil, false)
	row("clientID", u.L.T("ui.fields.clientid"), fixed(s.p.ClientID), func() string { return s.p.ClientID }, false)
	row("domain", u.L.T("ui.fields.domain"), s.Domain, func() string { return trimSpace(s.Domain.Text) }, false)
	row("clientSecret", u.L.T("ui.fields.clientsecret"), masked(), s.secretGetter(false), true)
	row("refreshToken", u.L.T("ui.fields.refreshtoken"), masked(), s.secretGetter(true), true)
	row("matching", u.L.T("ui.fields.matching"), s.MatchingAttribute, func() string { return trimSpace(s.MatchingAttribute.Text) }, false)
	row("random", u.L.T("ui.fields.random.label"), s.RandomPassword, nil, false)
	row("assetName", u.L.T("ui.fields.assetname"), s.AssetName, func() string { return trimSpace(s.AssetName.Text) }, false)
	row("assetID", u.L.T("ui.fields.assetid"), s.AssetID, func() string { return trimSpace(s.AssetID.Text) }, false)
	row("memo", u.L.T("ui.fields.memo"), s.Memo, func() string { return s.Memo.Text }, false)

	nameRow := container.New(layout.NewFormLayout(), bold(u.L.T("ui.fields.profilename")), s.Name)
	s.noticeBox = container.NewVBox()
	body := container.NewVBox(
		s.noticeBox,
		u.para(u.L.T("ui.fields.intro")),
		card(nameRow, u.hint(u.L.T("ui.fields.profilename.hint"))),
		card(subheading(u.L.T("ui.fields.console")), u.hint(u.L.T("ui.fields.console.hint")), form),
		u.hint(u.L.T("ui.fields.clipboard.hint")),
	)
	s.Save = widget.NewButtonWithIcon(u.L.T("ui.fields.save"), theme.DocumentSaveIcon(), s.save)
	s.Save.Importance = widget.HighImportance
	s.Export = widget.NewButtonWithIcon(u.L.T("ui.fields.export"), theme.DownloadIcon(), func() {
		u.showExportDialog(s.p.Name, s.setStatus)
	})
	s.Done = widget.NewButton(u.L.T("ui.fields.done"), func() { u.leave(u.goHome) })
	if s.isNew {
		s.Export.Disable()
	}
	step := noStep
	if s.isNew {
		step = stepSave
	}
	title := u.L.T("ui.fields.title")
	if !s.isNew {
		title = u.L.T("ui.fields.title.open", map[string]any{"Name": s.p.Name})
	}
	u.show(ScreenFields, step, title, body,
		container.NewVBox(s.Status, buttonBar([]fyne.CanvasObject{s.Done}, s.Export, s.Save)))
	u.setPrimary(s.Save)
}

func (s *FieldsScreen) setStatus(text string, imp widget.Importance) {
	s.Status.Importance = imp
	setError(s.Status, text) // shown only when there is something to say
	s.u.relayout()
}

// Values returns the console fields as typed.
func (s *FieldsScreen) Values() app.ConsoleFields {
	return app.ConsoleFields{
		Domain:                 trimSpace(s.Domain.Text),
		MatchingAttribute:      trimSpace(s.MatchingAttribute.Text),
		GenerateRandomPassword: s.RandomPassword.Checked,
		AssetName:              trimSpace(s.AssetName.Text),
		AssetID:                trimSpace(s.AssetID.Text),
		Memo:                   strings.TrimRight(s.Memo.Text, "\n"),
	}
}

// save stores the profile: a new connection with its secrets, an opened
// one with its updated console fields.
func (s *FieldsScreen) save() {
	u := s.u
	f := s.Values()
	name := trimSpace(s.Name.Text)
	conn := u.wiz.conn
	isNew := s.isNew
	if isNew && u.demoMode() {
		conn.Profile.Demo = true
	}
	s.Save.Disable()
	s.setStatus(u.stepText(app.StepSave), widget.MediumImportance)
	u.background(func(ctx context.Context) {
		var err error
		if isNew {
			err = u.backend.Save(ctx, name, conn, f)
		} else {
			err = u.backend.UpdateFields(ctx, name, f)
		}
		var p app.Profile
		if err == nil {
			p, err = u.backend.Load(ctx, name)
		}
		u.do(func() {
			s.Save.Enable()
			if err != nil {
				s.setStatus(u.L.Error(err), widget.DangerImportance)
				return
			}
			s.p = p
			s.isNew = false
			s.Name.Disable()
			s.Export.Enable()
			u.wiz.saved = &p
			u.wiz.conn = nil
			u.App.Preferences().SetString(prefLastProfile, p.Name)
			s.setStatus(u.L.T("ui.fields.saved", map[string]any{"Name": p.Name}), widget.SuccessImportance)
			if isNew && conn.Renewal != nil {
				s.showRenewal(conn.Renewal)
			}
		})
	})
}

// showRenewal puts the re-authorization notice on top of the screen: the
// console still holds the replaced token, revoked now (or, if that failed,
// still alive until it is revoked in Salesforce; or, when the replaced copy
// was stale, perhaps a newer token that only Setup can revoke).
func (s *FieldsScreen) showRenewal(r *app.Renewal) {
	u := s.u
	text := u.L.T("ui.notice.reauth", map[string]any{"Name": s.p.Name})
	switch {
	case r.Err != nil:
		text = u.L.T("ui.notice.reauth.not_revoked", map[string]any{"Name": s.p.Name}) + " " + u.L.Error(r.Err)
	case r.Stale:
		text = u.L.T("ui.notice.reauth.stale", map[string]any{"Name": s.p.Name})
	}
	var box fyne.CanvasObject
	s.Notice, box = u.tokenNotice(s.p.Name, text, func() bool { return u.Fields == s && u.screen == ScreenFields })
	s.noticeBox.Objects = []fyne.CanvasObject{box}
	s.noticeBox.Refresh()
	u.relayout()
}
