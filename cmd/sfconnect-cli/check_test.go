package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sfconnect/sfconnect/internal/oauthflow"
	"github.com/sfconnect/sfconnect/internal/testkit"
)

// checkFixture is a live connection "prod", one whose token the console's
// admin revoked ("revoked"), and a copy of prod whose Salesforce cannot be
// reached ("unreachable").
func checkFixture(t *testing.T) *cli {
	t.Helper()
	c := newCLI(t)
	for _, name := range []string{"prod", "revoked"} {
		c.mustLogin(name)
	}
	rt := c.exportedConnection("revoked")["refresh_token"].(string)
	if err := oauthflow.Revoke(context.Background(), c.console(), rt); err != nil {
		t.Fatal(err)
	}
	_, exported, _ := c.run("", "export", "--profile", "prod", "--include-secrets")
	var f map[string]any
	if err := json.Unmarshal([]byte(exported), &f); err != nil {
		t.Fatal(err)
	}
	f["salesforce"].(map[string]any)["login_url"] = testkit.ClosedURL(t)
	b, _ := json.Marshal(f)
	file := filepath.Join(t.TempDir(), "unreachable.json")
	if err := os.WriteFile(file, b, 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := c.run("", "import", "--profile", "unreachable", file); code != exitOK {
		t.Fatalf("import: %s", errOut)
	}
	return c
}

func TestCheckAllReportsDeadLiveAndUnreachable(t *testing.T) {
	c := checkFixture(t)
	refreshes := len(c.sim.EventsOf("refresh"))
	code, out, errOut := c.run("", "check", "--all")
	if code != exitFail {
		t.Fatalf("check --all exit %d, want 1:\n%s\n%s", code, out, errOut)
	}
	for _, want := range []string{"prod", "alive", "revoked", "DEAD", "sfconnect-cli reauth --profile revoked", "unreachable", "unknown", "127.0.0.1"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}

	code, out, _ = c.run("", "check", "--all", "--json")
	var doc struct {
		Connections []checkLine `json:"connections"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || code != exitFail || len(doc.Connections) != 3 {
		t.Fatalf("check --json exit %d, %v:\n%s", code, err, out)
	}
	states := map[string]checkLine{}
	for _, l := range doc.Connections {
		states[l.Profile] = l
	}
	if l := states["prod"]; l.State != "alive" || l.Action != "" || l.Namespace != "acme" || l.CheckedAt == "" {
		t.Errorf("prod: %+v", l)
	}
	if l := states["revoked"]; l.State != "dead" || l.Action != "reauthorize" || !strings.Contains(l.Message, "Re-authorize") {
		t.Errorf("revoked: %+v", l)
	}
	if l := states["unreachable"]; l.State != "unknown" || l.Message == "" || l.Action != "" {
		t.Errorf("unreachable: %+v", l)
	}
	if len(c.sim.EventsOf("refresh")) != refreshes {
		t.Error("check used a refresh token")
	}
}

func TestCheckOneExitCodes(t *testing.T) {
	c := checkFixture(t)
	tests := []struct {
		args []string
		lang string
		code int
		want string
	}{
		{[]string{"check", "--profile", "prod"}, "en_US.UTF-8", exitOK, "alive"},
		{[]string{"check", "--profile", "revoked"}, "ja_JP.UTF-8", exitFail, "無効"},
		{[]string{"check", "--profile", "unreachable"}, "en_US.UTF-8", exitUnknown, "unknown"},
		{[]string{"check"}, "en_US.UTF-8", exitUsage, "--profile NAME or --all"},
		{[]string{"check", "--all", "--profile", "prod"}, "en_US.UTF-8", exitUsage, "--profile NAME or --all"},
		{[]string{"check", "--profile", "nope"}, "en_US.UTF-8", exitFail, "nope"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.args), func(t *testing.T) {
			c.vars["LANG"] = tt.lang
			code, out, errOut := c.run("", tt.args...)
			if code != tt.code || !strings.Contains(out+errOut, tt.want) {
				t.Errorf("exit %d (want %d), output lacks %q:\n%s%s", code, tt.code, tt.want, out, errOut)
			}
		})
	}
}

func TestCheckAllWithoutProfilesIsFine(t *testing.T) {
	c := newCLI(t)
	code, out, _ := c.run("", "check", "--all", "--json")
	if code != exitOK || strings.TrimSpace(out) != "{\n  \"connections\": []\n}" {
		t.Errorf("exit %d: %q", code, out)
	}
}
