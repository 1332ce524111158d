package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A secret given as a flag gets a message that says how to pass it, never
// Go's "flag provided but not defined", and never the value.
func TestASecretAsAFlagSaysHowToPassIt(t *testing.T) {
	c := newCLI(t)
	for _, flag := range []string{"--client-secret=s3cr3t-value", "-client-secret", "--client-secret"} {
		args := []string{"login", "--profile", "p", "--org", "acme", "--client-id", "k", flag}
		if !strings.Contains(flag, "=") {
			args = append(args, "s3cr3t-value")
		}
		code, out, errOut := c.run("", args...)
		if code != exitUsage || strings.Contains(out+errOut, "s3cr3t-value") || strings.Contains(errOut, "not defined") ||
			!strings.Contains(errOut, "--client-secret-stdin") || !strings.Contains(errOut, "SFCONNECT_CLIENT_SECRET") {
			t.Errorf("%s: exit %d, stderr:\n%s", flag, code, errOut)
		}
	}
	if len(c.web.Opened()) != 0 {
		t.Error("a browser was opened")
	}
}

// An invalid profile name or console field stops login before the browser
// opens, so the admin's sign-in is never wasted.
func TestLoginRefusesBadInputBeforeTheBrowser(t *testing.T) {
	c := newCLI(t)
	tests := []struct {
		name  string
		extra []string
		want  string
	}{
		{"../x", nil, "may not contain"},
		{"prod", []string{"--asset-id", "has space"}, "Business asset ID"},
		{"prod", []string{"--login-url", "https://sso.evil.example"}, "sso.evil.example is not where this org signs in"},
		{"prod", []string{"--client-id", "3MVG9 abc"}, "Client ID (consumer key) may contain only visible ASCII characters"},
		{"prod", []string{"--callback", "https://localhost/callback"}, "must start with http://"},
	}
	for _, tt := range tests {
		code, _, errOut := c.login(tt.name, tt.extra...)
		if code != exitFail || !strings.Contains(errOut, tt.want) {
			t.Errorf("login %q %v: exit %d, stderr:\n%s", tt.name, tt.extra, code, errOut)
		}
		code, _, errOut = c.login(tt.name, append(tt.extra, "--no-browser")...)
		if code != exitFail || !strings.Contains(errOut, tt.want) || strings.Contains(errOut, "/services/oauth2/authorize") {
			t.Errorf("login --no-browser %q %v: exit %d, stderr:\n%s", tt.name, tt.extra, code, errOut)
		}
	}
	if len(c.web.Opened()) != 0 || len(c.sim.IssuedRefreshTokens()) != 0 {
		t.Errorf("a sign-in started: %d browser starts", len(c.web.Opened()))
	}
}

// Keychain entries left without a profile are listed, refuse an import
// under their name, and are replaced or removed on request.
func TestOrphansAreListedRefusedAndRemoved(t *testing.T) {
	c := newCLI(t)
	c.mustLogin("prod")
	file := filepath.Join(t.TempDir(), "prod.json")
	if code, _, errOut := c.run("", "export", "--profile", "prod", "--include-secrets", "-o", file); code != exitOK {
		t.Fatalf("export: %s", errOut)
	}
	c.wipeConfigDir()

	code, out, _ := c.run("", "list", "--orphans")
	if code != exitOK || !strings.Contains(out, "prod") || !strings.Contains(out, "consumer secret, refresh token") {
		t.Errorf("list --orphans: exit %d\n%s", code, out)
	}
	code, _, errOut := c.run("", "import", file)
	if code != exitFail || !strings.Contains(errOut, `secrets named "prod" that belong to no saved connection`) {
		t.Errorf("import over orphans: exit %d\n%s", code, errOut)
	}
	if code, _, errOut := c.run("", "import", "--replace", file); code != exitOK {
		t.Fatalf("import --replace: exit %d\n%s", code, errOut)
	}
	if code, _, errOut := c.run("", "list", "--orphans"); code != exitOK || !strings.Contains(errOut, "No keychain entries without a profile") {
		t.Errorf("after replace: %s", errOut)
	}

	c.wipeConfigDir()
	code, out, errOut = c.run("", "list", "--orphans", "--remove")
	if code != exitOK || !strings.Contains(out, `Removed the keychain entries of "prod"`) || !strings.Contains(errOut, "not revoked") {
		t.Errorf("list --orphans --remove: exit %d\n%s\n%s", code, out, errOut)
	}
	if got, _ := c.store.(interface{ Accounts() []string }); len(got.Accounts()) != 0 {
		t.Errorf("keychain still holds %v", got.Accounts())
	}
	if code, _, _ := c.run("", "list", "--remove"); code != exitUsage {
		t.Errorf("--remove without --orphans: exit %d", code)
	}
}

// Commands that contact Salesforce for a saved profile name the host first.
func TestCommandsOnASavedProfileNameTheHost(t *testing.T) {
	c := newCLI(t)
	c.mustLogin("prod")
	want := `Salesforce for "prod": ` + c.simURL
	for _, args := range [][]string{{"verify", "--profile", "prod"}, {"check", "--profile", "prod"}, {"check", "--all"},
		{"delete", "--profile", "prod"}} {
		_, _, errOut := c.run("", args...)
		if !strings.HasPrefix(errOut, want) {
			t.Errorf("%v: stderr does not start with %q:\n%s", args, want, errOut)
		}
	}
}

// wipeConfigDir removes every profile file, as a wiped or moved config dir.
func (c *cli) wipeConfigDir() {
	c.t.Helper()
	entries, _ := os.ReadDir(c.dir)
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(c.dir, e.Name())); err != nil {
			c.t.Fatal(err)
		}
	}
}

// A saved profile whose file was changed to send the sign-in elsewhere is
// refused by every command that would contact it, with the host named, and
// delete still removes it, revoking its token at the org's own host.
func TestATamperedProfileIsRefusedAndCanBeDeleted(t *testing.T) {
	c := newCLIWith(t, "acme", nil)
	if code, _, errOut := c.loginOrg("prod", "acme"); code != exitOK {
		t.Fatalf("login: %s", errOut)
	}
	token := c.sim.IssuedRefreshTokens()[0]
	files, _ := filepath.Glob(filepath.Join(c.dir, "*.json"))
	raw, _ := os.ReadFile(files[0])
	tampered := strings.Replace(string(raw), `"login_url": "https://acme.my.salesforce.com"`, `"login_url": "https://collector.evil.example"`, 1)
	if tampered == string(raw) {
		t.Fatal("no login_url to tamper with")
	}
	if err := os.WriteFile(files[0], []byte(tampered), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"verify", "--profile", "prod"}, {"reauth", "--profile", "prod"}, {"export", "--profile", "prod"}} {
		code, _, errOut := c.run("", args...)
		if code != exitFail || !strings.Contains(errOut, "it would contact collector.evil.example") {
			t.Errorf("%v: exit %d\n%s", args, code, errOut)
		}
	}
	if len(c.web.Opened()) != 1 {
		t.Error("a browser was opened for the tampered profile")
	}
	code, _, errOut := c.run("", "delete", "--profile", "prod")
	if code != exitOK || !c.sim.Revoked(token) || !strings.Contains(errOut, "https://acme.my.salesforce.com") {
		t.Errorf("delete: exit %d, revoked %v\n%s", code, c.sim.Revoked(token), errOut)
	}
}
