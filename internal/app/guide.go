package app

import "strings"

// guideLock says how the file a guide accompanies is protected.
type guideLock int

const (
	guidePlain guideLock = iota
	guidePassphrase
	guideKey
)

// guide renders the one-page "how to hand this over" text for the export
// of profile name written as file. It names the file's keys, never their
// values, so it can travel beside a sealed file without giving it away.
// The console's field labels are the console's own Japanese ones in both
// languages (see /work/shared/mission: "the console's fields").
func (s *Service) guide(name, file string, how guideLock, withSecrets bool) string {
	l := s.loc.Load()
	args := map[string]any{"Name": name, "File": file}
	parts := []string{l.T("app.guide.title", args)}
	switch how {
	case guidePassphrase:
		parts = append(parts, l.T("app.guide.lock.passphrase", args), l.T("app.guide.open.passphrase", args))
	case guideKey:
		parts = append(parts, l.T("app.guide.lock.key", args), l.T("app.guide.open.key", args))
	default:
		lock := "app.guide.lock.plain"
		if withSecrets {
			lock = "app.guide.lock.plain_secrets"
		}
		parts = append(parts, l.T(lock, args), l.T("app.guide.open.plain", args))
	}
	parts = append(parts, l.T("app.guide.fields", args))
	if !withSecrets {
		parts = append(parts, l.T("app.guide.fields.no_secrets", args))
	}
	parts = append(parts, l.T("app.guide.after", args))
	return strings.Join(parts, "\n\n") + "\n"
}
