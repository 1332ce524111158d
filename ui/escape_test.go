package ui

import (
	"strings"
	"testing"
	"unicode"

	"github.com/sfconnect/sfconnect/internal/sfsim"
	"github.com/sfconnect/sfconnect/internal/testkit"
)

// A server that answers with control and format characters (here in the
// username and a granted scope) gets none of them onto the result screen:
// neither in the value labels nor in the checklist built from them.
func TestResultShowsServerValuesEscaped(t *testing.T) {
	const user = "admin\x1b]0;owned\x07\r\u202emoc.live@x.com"
	e := newSimEnv(t, testkit.Follow, func(o *sfsim.Options) {
		o.User.Username = user
		o.Clients[0].Scopes = append(o.Clients[0].Scopes, "custom\x1b[31m")
	})
	u, loop := newSimUI(t, e, "en", nil)
	signIn(t, u, loop, e)

	// The identity call already blanks such characters in the username
	// (salesforce.Client); the scope arrives raw and is escaped here.
	if got := u.Result.Scopes.Text; !strings.Contains(got, `custom\x1b[31m`) {
		t.Errorf("scopes label = %q", got)
	}
	texts := []string{u.Result.Username.Text, u.Result.Scopes.Text}
	for _, c := range u.Result.Checks {
		texts = append(texts, c.Text.Text)
	}
	joined := strings.Join(texts, "\n")
	if !strings.Contains(joined, `custom\x1b[31m`) {
		t.Errorf("the crafted scope is not shown escaped:\n%s", joined)
	}
	for _, s := range texts {
		if strings.ContainsFunc(s, func(r rune) bool { return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) }) {
			t.Errorf("raw control or format character on the result screen: %q", s)
		}
	}
}
