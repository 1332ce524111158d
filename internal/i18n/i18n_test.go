package i18n

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestMatch(t *testing.T) {
	for in, want := range map[string]string{
		"ja_JP.UTF-8": Japanese, "ja-JP": Japanese, "ja": Japanese, "JA_jp": Japanese,
		"en_US.UTF-8": English, "de_DE": English, "": English, "japanese": English,
	} {
		if got := Match(in); got != want {
			t.Errorf("Match(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSystemLanguageFollowsTheCLibraryOrder(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"LANG": "ja_JP.UTF-8"}, Japanese},
		{map[string]string{"LANG": "ja_JP.UTF-8", "LC_ALL": "en_US.UTF-8"}, English},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_MESSAGES": "ja_JP.UTF-8"}, Japanese},
		{map[string]string{"LANG": "C"}, English},
		{map[string]string{"LANG": "en_US.UTF-8", "SFCONNECT_LANG": "ja"}, Japanese},
		{map[string]string{}, English},
	}
	for _, tt := range tests {
		if got := SystemLanguage(func(k string) string { return tt.env[k] }, nil); got != tt.want {
			t.Errorf("SystemLanguage(%v, nil) = %q, want %q", tt.env, got, tt.want)
		}
	}
}

type keyed struct{}

func (keyed) Error() string               { return "raw English detail" }
func (keyed) MessageKey() string          { return "error.canceled" }
func (keyed) MessageArgs() map[string]any { return nil }

func TestErrorIsTranslatedNeverRaw(t *testing.T) {
	ja, en := New("ja"), New("en")
	tests := []struct {
		err    error
		wantJa string
	}{
		{fmt.Errorf("wrapped: %w", keyed{}), ja.T("error.canceled")},
		{fmt.Errorf("wait: %w", context.Canceled), ja.T("error.canceled")},
		{fmt.Errorf("wait: %w", context.DeadlineExceeded), ja.T("error.timeout")},
		{errors.New("dial tcp: connection refused"), ja.T("error.unexpected")},
	}
	for _, tt := range tests {
		if got := ja.Error(tt.err); got != tt.wantJa {
			t.Errorf("ja.Error(%v) = %q, want %q", tt.err, got, tt.wantJa)
		}
		if got := en.Error(tt.err); got == tt.err.Error() || got == "" {
			t.Errorf("en.Error(%v) shows the raw error: %q", tt.err, got)
		}
	}
	if ja.T("error.canceled") == en.T("error.canceled") {
		t.Error("Japanese and English texts are the same")
	}
}

func TestTemplateArgsAreFilledIn(t *testing.T) {
	got := New("en").T("app.err.profile_exists", map[string]any{"Name": "prod"})
	if want := `"prod"`; !strings.Contains(got, want) {
		t.Errorf("T = %q, want it to contain %s", got, want)
	}
	if got := New("en").T("no.such.key"); got != "no.such.key" {
		t.Errorf("unknown key rendered as %q, want the key itself", got)
	}
}
