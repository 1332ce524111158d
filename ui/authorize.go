package ui

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/sfconnect/sfconnect/internal/app"
)

// AuthorizeScreen opens the browser at Salesforce's consent page and waits
// for the redirect, with a manual paste fallback.
type AuthorizeScreen struct {
	PromptLogin *widget.Check
	Authorize   *widget.Button
	Progress    *widget.ProgressBarInfinite
	StepText    *widget.Label
	TimeLeft    *widget.Label
	Cancel      *widget.Button
	CopyURL     *widget.Button
	PasteEntry  *widget.Entry
	PasteButton *widget.Button
	PasteError  *widget.Label
	Error       *widget.Label
	Back        *widget.Button
	// Checks is the preflight checklist, run when the screen opens.
	Checks *PreflightView

	u       *UI
	waitBox *fyne.Container
	session *app.Session
	cancel  context.CancelFunc
	waiting bool
}

// ShowAuthorize shows step 3: a new connection, or re-authorizing a saved
// profile when the wizard holds its name.
func (u *UI) ShowAuthorize() {
	u.discard()
	s := &AuthorizeScreen{u: u}
	u.Authorize = s
	s.PromptLogin = widget.NewCheck(u.L.T("ui.auth.promptlogin"), nil)
	s.Authorize = widget.NewButtonWithIcon(u.L.T("ui.auth.open"), theme.ComputerIcon(), s.start)
	s.Authorize.Importance = widget.HighImportance
	s.Progress = widget.NewProgressBarInfinite()
	s.Progress.Stop()
	s.Progress.Hide()
	s.StepText = widget.NewLabel("")
	s.TimeLeft = widget.NewLabel("")
	s.TimeLeft.TextStyle = fyne.TextStyle{Monospace: true}
	s.Cancel = widget.NewButtonWithIcon(u.L.T("ui.action.cancel"), theme.CancelIcon(), s.cancelWait)
	s.Cancel.Disable()
	s.CopyURL = widget.NewButtonWithIcon(u.L.T("ui.auth.copyurl"), theme.ContentCopyIcon(), s.copyURL)
	s.CopyURL.Disable()
	s.PasteEntry = widget.NewEntry()
	s.PasteEntry.SetPlaceHolder(u.L.T("ui.auth.paste.placeholder"))
	s.PasteEntry.OnSubmitted = func(string) { s.paste() }
	s.PasteButton = widget.NewButton(u.L.T("ui.auth.paste.button"), s.paste)
	s.PasteButton.Disable()
	s.PasteError = u.errorLabel()
	s.Error = u.errorLabel()

	target := u.wiz.input.Org
	if u.wiz.reauth != "" {
		target = u.wiz.reauth
	}
	intro := container.NewVBox(u.para(u.L.T("ui.auth.intro", map[string]any{"Org": target})), u.signInLine())
	s.waitBox = container.NewVBox(s.Progress,
		container.NewBorder(nil, nil, nil, container.NewHBox(s.TimeLeft, s.Cancel), s.StepText))
	s.waitBox.Hide()
	manual := card(subheading(u.L.T("ui.auth.manual.title")), u.para(u.L.T("ui.auth.manual.body")),
		s.CopyURL,
		container.NewBorder(nil, nil, nil, s.PasteButton, s.PasteEntry), s.PasteError)
	s.Checks = u.newPreflightView(u.preflightInput, u.wiz.reauth)
	// The sign-in button sits in the button bar, where every screen keeps
	// its next step, so a long checklist never pushes it out of view.
	body := container.NewVBox(intro, s.Checks.card, s.PromptLogin,
		s.waitBox, s.Error, u.hint(u.L.T("ui.auth.hint.timeout")), manual)
	s.Back = widget.NewButton(u.L.T("ui.action.back"), func() {
		s.cancelWait()
		if u.wiz.reauth != "" {
			u.goHome()
			return
		}
		u.ShowCredentials()
	})
	title := u.L.T("ui.auth.title")
	if u.wiz.reauth != "" {
		title = u.L.T("ui.auth.title.reauth", map[string]any{"Name": u.wiz.reauth})
	}
	u.show(ScreenAuthorize, stepAuthorize, title, body, buttonBar(nil, s.Back, s.Authorize))
	u.setPrimary(s.Authorize)
	u.escape = s.cancelWait
}

// preflightGrace bounds how long a sign-in waits for a halted checklist.
var preflightGrace = 3 * time.Second

// loginURL is the Login URL override in force: the demo simulator's, else
// the setting (or --login-url); empty for the org's own My Domain.
func (u *UI) loginURL() string {
	if u.wiz.input.LoginURL != "" {
		return u.wiz.input.LoginURL
	}
	if u.flagLoginURL != "" {
		return u.flagLoginURL
	}
	return u.Settings.LoginURL
}

// stepText is the progress line for a step of the flow; the core names
// the text (app.Step.MessageKey) so CLI and GUI say the same.
func (u *UI) stepText(st app.Step) string { return u.L.T(st.MessageKey()) }

// Waiting reports whether the screen waits for the browser.
func (s *AuthorizeScreen) Waiting() bool { return s.waiting }

func (s *AuthorizeScreen) setWaiting(on bool) {
	s.waiting = on
	if on {
		s.Authorize.Disable()
		s.PromptLogin.Disable()
		s.Cancel.Enable()
		s.CopyURL.Importance = widget.MediumImportance
		s.waitBox.Show()
		s.Progress.Show()
		s.Progress.Start()
		setError(s.Error, "")
		setError(s.PasteError, "")
		s.u.relayout()
		return
	}
	s.Authorize.Enable()
	s.PromptLogin.Enable()
	s.Cancel.Disable()
	s.CopyURL.Disable()
	s.PasteButton.Disable()
	s.Progress.Stop()
	s.Progress.Hide()
	s.waitBox.Hide()
	s.TimeLeft.SetText("")
	s.u.relayout()
}

// start begins the flow: bind the listener, open the browser, wait.
func (s *AuthorizeScreen) start() {
	if s.waiting {
		return
	}
	u := s.u
	s.setWaiting(true)
	s.StepText.SetText(u.stepText(app.StepListen))
	in := u.wiz.input
	in.PromptLogin = s.PromptLogin.Checked
	in.Timeout = u.Settings.Timeout()
	in.LoginURL = u.loginURL()
	reauth := u.wiz.reauth
	halted := s.Checks.halt()
	s.cancel = u.background(func(ctx context.Context) {
		// The checklist may be probing the callback port: let it end, but
		// not forever. A system proxy lookup (WPAD) or netsh may not heed
		// the cancel at once; the sign-in goes on after a short grace, and
		// a port still held would show as the port's own error.
		select {
		case <-halted:
		case <-time.After(preflightGrace):
		}
		var sess *app.Session
		var err error
		if reauth != "" {
			sess, err = u.backend.Reauthorize(ctx, reauth, in.PromptLogin, in.Timeout)
		} else {
			sess, err = u.backend.Begin(ctx, in)
		}
		if err != nil {
			u.do(func() { s.finish(err) })
			return
		}
		u.do(func() { s.started(ctx, sess) })
		if err := sess.OpenBrowser(); err != nil {
			u.do(func() {
				setError(s.Error, u.L.T("ui.auth.nobrowser"))
				// Copying the URL is the way on now: make it the button to see.
				s.CopyURL.Importance = widget.HighImportance
				s.CopyURL.Refresh()
				u.relayout()
			})
		}
		conn, err := sess.Wait(ctx, func(st app.Step) {
			u.do(func() { s.StepText.SetText(u.stepText(st)) })
		})
		sess.Close()
		u.do(func() {
			s.finish(err)
			if err != nil {
				return
			}
			if u.Authorize != s || u.screen != ScreenAuthorize {
				// Left just as the token came: nobody will save it, so
				// revoke it (as discard does) rather than show a result.
				u.background(func(ctx context.Context) { _ = u.backend.Discard(ctx, conn) })
				return
			}
			u.wiz.conn = conn
			u.wiz.report = &conn.Report
			u.showResult()
		})
	})
}

// started enables the manual fallback and starts the countdown, which
// runs until the wait ends.
func (s *AuthorizeScreen) started(wait context.Context, sess *app.Session) {
	s.session = sess
	s.CopyURL.Enable()
	s.PasteButton.Enable()
	s.StepText.SetText(s.u.stepText(app.StepBrowser))
	deadline := sess.Deadline()
	s.tick(deadline)
	s.u.background(func(ctx context.Context) {
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-wait.Done():
				return
			case <-t.C:
				s.u.do(func() {
					if s.waiting {
						s.tick(deadline)
					}
				})
			}
		}
	})
}

func (s *AuthorizeScreen) tick(deadline time.Time) {
	if deadline.IsZero() {
		return
	}
	left := deadline.Sub(s.u.now()).Round(time.Second)
	if left < 0 {
		left = 0
	}
	s.TimeLeft.SetText(s.u.L.T("ui.auth.timeleft", map[string]any{
		"Min": int(left / time.Minute), "Sec": formatSec(int(left%time.Minute) / int(time.Second))}))
}

func formatSec(n int) string { return fmt.Sprintf("%02d", n) }

// finish ends the wait; err is shown translated, a cancel quietly.
func (s *AuthorizeScreen) finish(err error) {
	s.session = nil
	s.StepText.SetText("")
	if err != nil {
		setError(s.Error, s.u.L.Error(err))
	}
	s.setWaiting(false) // lays the screen out again
}

// cancelWait stops a running wait (Cancel, Escape, leaving the screen).
func (s *AuthorizeScreen) cancelWait() {
	if s.cancel != nil {
		s.cancel()
	}
}

func (s *AuthorizeScreen) copyURL() {
	if s.session == nil {
		return
	}
	// The URL carries the state and PKCE challenge, not a secret; it may be
	// opened in another browser or profile by hand.
	s.u.Clip.Copy(s.session.AuthURL())
	s.CopyURL.SetText(s.u.L.T("ui.action.copied"))
}

func (s *AuthorizeScreen) paste() {
	sess := s.session
	text := s.PasteEntry.Text
	if sess == nil || trimSpace(text) == "" {
		return
	}
	u := s.u
	setError(s.PasteError, "")
	u.background(func(context.Context) {
		err := sess.Paste(text)
		u.do(func() {
			if err != nil {
				setError(s.PasteError, u.L.Error(err))
				u.relayout()
				return
			}
			s.PasteEntry.SetText("")
		})
	})
}
