package ui

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/widget"
	"github.com/sfconnect/sfconnect/internal/app"
)

// copy puts a field's value on the clipboard; secrets through the guard,
// which clears them again after SecretClipboardTTL.
func (s *FieldsScreen) copy(b *widget.Button, get func() string, secret bool) {
	u := s.u
	if !secret {
		u.Clip.Copy(get())
		s.markCopied(b, false)
		return
	}
	if s.secrets != nil {
		u.Clip.CopySecret(get())
		s.markCopied(b, true)
		return
	}
	// Saved profile: the secrets are in the keychain, which may take a
	// moment (or ask the user) — never on the UI thread.
	name := s.p.Name
	u.background(func(ctx context.Context) {
		sec, err := u.backend.Secrets(ctx, name)
		u.do(func() {
			if u.Fields != s || u.screen != ScreenFields {
				return // left meanwhile: keep no secret, copy nothing
			}
			if err != nil {
				s.setStatus(u.L.Error(err), widget.DangerImportance)
				return
			}
			s.secrets = &sec
			u.Clip.CopySecret(get())
			s.markCopied(b, true)
		})
	})
}

func (s *FieldsScreen) markCopied(b *widget.Button, secret bool) {
	u := s.u
	for _, other := range s.Copy {
		other.SetText(u.L.T("ui.action.copy"))
	}
	b.SetText(u.L.T("ui.action.copied"))
	if secret {
		s.setStatus(u.L.T("ui.fields.copied.secret"), widget.WarningImportance)
	} else {
		s.setStatus("", widget.MediumImportance)
	}
}

// secretGetter reads the refresh token or the client secret once loaded.
func (s *FieldsScreen) secretGetter(refresh bool) func() string {
	return func() string {
		if s.secrets == nil {
			return ""
		}
		if refresh {
			return s.secrets.RefreshToken
		}
		return s.secrets.ClientSecret
	}
}

// suggestName proposes a profile name from the org: "acme", or "demo-acme"
// in demo mode so a demo never takes the name of a real connection; "acme-2"
// when "acme" is taken, so that Save does not fail on the suggestion.
func (u *UI) suggestName(p app.Profile) string {
	name := strings.ToLower(p.Namespace)
	if name == "" {
		name = "salesforce"
	}
	if u.demoMode() && !strings.HasPrefix(name, "demo-") {
		name = "demo-" + name
	}
	list, err := u.backend.List(u.ctx)
	if err != nil {
		return name // Save reports the clash, if any
	}
	taken := map[string]bool{}
	for _, q := range list {
		taken[strings.ToLower(q.Name)] = true // names clash case-insensitively
	}
	base := name
	for n := 2; taken[name]; n++ {
		name = base + "-" + strconv.Itoa(n)
	}
	return name
}
