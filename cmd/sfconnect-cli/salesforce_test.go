package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/sfconnect/sfconnect/internal/oauthflow"
	"github.com/sfconnect/sfconnect/internal/secrets"
	"github.com/sfconnect/sfconnect/internal/sfsim"
)

// loginOrg logs in to an org served under its real host: --org is whatever
// the admin pasted, and there is no --login-url.
func (c *cli) loginOrg(name, org string) (int, string, string) {
	return c.run(sfsim.DemoClientSecret+"\n", "login", "--profile", name, "--org", org, "--client-id", sfsim.DemoClientID,
		"--client-secret-stdin", "--callback", c.callback, "--timeout", "20s")
}

func (c *cli) exportedConnection(name string) map[string]any {
	c.t.Helper()
	code, out, errOut := c.run("", "export", "--profile", name, "--include-secrets", "-o", "-")
	var f struct {
		Connection map[string]any `json:"connection"`
	}
	if code != exitOK || json.Unmarshal([]byte(out), &f) != nil {
		c.t.Fatalf("export exit %d: %s", code, errOut)
	}
	return f.Connection
}

func (c *cli) console() oauthflow.Config {
	return oauthflow.Config{LoginURL: c.simURL, ClientID: sfsim.DemoClientID, ClientSecret: sfsim.DemoClientSecret,
		RedirectURL: c.callback, HTTPClient: c.http}
}

func TestSandboxAndDeveloperEditionExportTheConsolesNamespace(t *testing.T) {
	tests := []struct{ namespace, pasted string }{
		{"acme--dev.sandbox", "https://acme--dev.sandbox.lightning.force.com/lightning/setup/SetupOneHome/home"},
		{"acme-dev-ed.develop", "acme-dev-ed.develop.my.salesforce.com"},
	}
	for _, tt := range tests {
		t.Run(tt.namespace, func(t *testing.T) {
			c := newCLIWith(t, tt.namespace, nil)
			code, out, errOut := c.loginOrg("org", tt.pasted)
			if code != exitOK {
				t.Fatalf("login exit %d: %s", code, errOut)
			}
			want := "Namespace for the console: " + tt.namespace + " (login URL https://" + tt.namespace + ".my.salesforce.com/)"
			if !strings.Contains(out, want) {
				t.Errorf("login output lacks %q:\n%s", want, out)
			}
			if got := c.exportedConnection("org")["namespace"]; got != tt.namespace {
				t.Errorf("exported namespace %v, want %s", got, tt.namespace)
			}
			if _, out, _ := c.run("", "list"); !strings.Contains(out, "https://"+tt.namespace+".my.salesforce.com/") {
				t.Errorf("list does not show the login URL:\n%s", out)
			}
		})
	}
}

func TestAppAccessErrorsAreExplainedInBothLanguages(t *testing.T) {
	tests := []struct {
		name   string
		tweak  func(*sfsim.Options)
		ja, en string
	}{
		{"blocked", func(o *sfsim.Options) { o.Clients[0].Blocked = true }, "［ブロック解除］", "click Unblock"},
		{"admin approved", func(o *sfsim.Options) { o.Clients[0].AdminApproved = true }, "［アプリケーションポリシー］", "under App Policies"},
	}
	for _, tt := range tests {
		c := newCLIWith(t, "", tt.tweak)
		for lang, want := range map[string]string{"ja_JP.UTF-8": tt.ja, "en_US.UTF-8": tt.en} {
			t.Run(tt.name+"/"+lang, func(t *testing.T) {
				c.vars["LANG"] = lang
				code, _, errOut := c.login("x-" + lang[:2])
				if code != exitFail || !strings.Contains(errOut, want) {
					t.Errorf("exit %d, stderr lacks %q:\n%s", code, want, errOut)
				}
			})
		}
	}
}

// A user without "API Enabled" gets API_DISABLED_FOR_ORG from REST, as an
// edition without the API does: the message names the user's fix first.
func TestLoginWithoutAPIAccessIsRefusedAndRevoked(t *testing.T) {
	c := newCLIWith(t, "", func(o *sfsim.Options) { o.User.APIDisabled = true })
	code, _, errOut := c.login("prod")
	user, edition := strings.Index(errOut, "API Enabled"), strings.Index(errOut, "Professional Edition")
	if code != exitFail || !strings.Contains(errOut, "API_DISABLED_FOR_ORG") || user < 0 || edition < user {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	issued := c.sim.IssuedRefreshTokens()
	if len(issued) != 1 || !c.sim.Revoked(issued[0]) {
		t.Error("the issued token was left alive")
	}
	if code, _, _ := c.run("", "export", "--profile", "prod"); code != exitFail {
		t.Error("a profile was saved")
	}
}

func TestDeleteOfAnAlreadyRevokedTokenSucceeds(t *testing.T) {
	c := newCLI(t)
	c.mustLogin("prod")
	rt := c.exportedConnection("prod")["refresh_token"].(string)
	if err := oauthflow.Revoke(context.Background(), c.console(), rt); err != nil {
		t.Fatal(err)
	}
	// Deleted, but not "revoked": the line says the token was no longer valid.
	if code, out, errOut := c.run("", "delete", "--profile", "prod"); code != exitOK || !strings.Contains(out, `Deleted profile "prod"`) ||
		!strings.Contains(errOut, "no longer valid at Salesforce") || !strings.Contains(errOut, "Connected Apps OAuth Usage") {
		t.Fatalf("delete exit %d: %s", code, errOut)
	}
	if _, err := c.store.Get(context.Background(), secrets.Account("prod", secrets.RefreshToken)); err == nil {
		t.Error("the refresh token is still in the keychain")
	}
}

func TestVerifyLeavesTheExportedTokenWorkingAndDeepSaysReplace(t *testing.T) {
	c := newCLI(t)
	c.mustLogin("prod")
	exported := c.exportedConnection("prod")["refresh_token"].(string)
	c.sim.SetRotation(true)
	code, out, errOut := c.run("", "verify", "--profile", "prod")
	if code != exitOK || !strings.Contains(out, `Profile "prod" works.`) || !strings.Contains(errOut, "without using it") {
		t.Fatalf("verify exit %d:\n%s\n%s", code, out, errOut)
	}
	if c.sim.Revoked(exported) {
		t.Fatal("verify used the exported token")
	}
	// The deep check says beforehand that it uses the token, and afterwards
	// that the console's must be replaced.
	code, _, errOut = c.run("", "verify", "--profile", "prod", "--deep")
	warn := strings.Index(errOut, "uses the refresh token once")
	replace := strings.Index(errOut, "Replace it in the console now")
	if code != exitOK || warn < 0 || replace < warn {
		t.Fatalf("verify --deep exit %d:\n%s", code, errOut)
	}
	if now := c.exportedConnection("prod")["refresh_token"]; now == exported || !c.sim.Revoked(exported) {
		t.Error("the deep check did not keep the rotated token")
	}
	c.sim.SetIntrospectionRefused(true)
	if code, _, errOut := c.run("", "verify", "--profile", "prod"); code != exitFail || !strings.Contains(errOut, "verify --deep") {
		t.Errorf("verify without an answer: exit %d\n%s", code, errOut)
	}
}

// The console refreshed under rotation: verify --deep reports sfconnect's
// retired copy dead without presenting it, so the console keeps working.
func TestVerifyDeepNeverPresentsARotatedOutToken(t *testing.T) {
	c := newCLI(t)
	if code, _, errOut := c.login("prod"); code != exitOK {
		t.Fatalf("login: %s", errOut)
	}
	saved := c.exportedConnection("prod")["refresh_token"].(string)
	c.sim.SetRotation(true)
	tok, err := oauthflow.Refresh(context.Background(), c.console(), saved)
	if err != nil || tok.RefreshToken == saved {
		t.Fatalf("the console's refresh did not rotate: %v", err)
	}
	refreshes := len(c.sim.EventsOf("refresh"))
	code, _, errOut := c.run("", "verify", "--profile", "prod", "--deep")
	if code != exitFail || !strings.Contains(errOut, "no longer active") || !strings.Contains(errOut, "Re-authorize") {
		t.Fatalf("verify --deep exit %d:\n%s", code, errOut)
	}
	if len(c.sim.EventsOf("refresh")) != refreshes {
		t.Fatal("verify --deep presented the retired token")
	}
	if _, err := oauthflow.Refresh(context.Background(), c.console(), tok.RefreshToken); err != nil {
		t.Errorf("the console's newest token stopped working: %v", err)
	}
}

// Without Salesforce's answer, neither verify nor verify --deep presents the
// token of a connection whose rotation was seen: both exit 1 and say why.
func TestVerifyWithoutAnAnswerDoesNotPresentARotatingToken(t *testing.T) {
	c := newCLIWith(t, "", func(o *sfsim.Options) { o.Rotation = true })
	if code, _, errOut := c.login("prod"); code != exitOK {
		t.Fatalf("login: %s", errOut)
	}
	c.sim.SetIntrospectionRefused(true)
	refreshes := len(c.sim.EventsOf("refresh"))
	for _, args := range [][]string{{"verify", "--profile", "prod"}, {"verify", "--profile", "prod", "--deep"}} {
		code, _, errOut := c.run("", args...)
		if code != exitFail || !strings.Contains(errOut, "does not use it without Salesforce's answer") {
			t.Errorf("%v: exit %d\n%s", args, code, errOut)
		}
	}
	if len(c.sim.EventsOf("refresh")) != refreshes {
		t.Error("the rotating token was presented without an answer")
	}
}

func TestReauthRevokesTheReplacedToken(t *testing.T) {
	c := newCLI(t)
	c.mustLogin("prod")
	old := c.exportedConnection("prod")["refresh_token"].(string)
	code, _, errOut := c.run("", "reauth", "--profile", "prod", "--timeout", "20s")
	if code != exitOK || !strings.Contains(errOut, "console's refresh token must be replaced") ||
		strings.Contains(errOut, "no longer valid") {
		t.Fatalf("reauth exit %d:\n%s", code, errOut)
	}
	if _, err := oauthflow.Refresh(context.Background(), c.console(), old); err == nil {
		t.Error("the replaced token still refreshes")
	}
	if now := c.exportedConnection("prod")["refresh_token"]; now == old {
		t.Error("reauth kept the old token")
	}
}

// Under rotation the console refreshed, so the token reauth replaces is a
// retired copy: the console's newer token lives on, and reauth says so
// instead of claiming it revoked.
func TestReauthOfARetiredCopySaysTheConsolesTokenMayLive(t *testing.T) {
	c := newCLIWith(t, "", func(o *sfsim.Options) { o.Rotation = true })
	if code, _, errOut := c.login("prod"); code != exitOK {
		t.Fatalf("login: %s", errOut)
	}
	console, err := oauthflow.Refresh(context.Background(), c.console(), c.exportedConnection("prod")["refresh_token"].(string))
	if err != nil {
		t.Fatal(err)
	}
	code, _, errOut := c.run("", "reauth", "--profile", "prod", "--timeout", "20s")
	if code != exitOK || !strings.Contains(errOut, "no longer valid at Salesforce") ||
		!strings.Contains(errOut, "Connected Apps OAuth Usage") || !strings.Contains(errOut, "console's refresh token must be replaced") {
		t.Fatalf("reauth exit %d:\n%s", code, errOut)
	}
	if _, err := oauthflow.Refresh(context.Background(), c.console(), console.RefreshToken); err != nil {
		t.Errorf("the console's token is not what reauth says: %v", err)
	}
}
