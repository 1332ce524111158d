package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/i18n"
	"github.com/sfconnect/sfconnect/internal/salesforce"
	"github.com/sfconnect/sfconnect/internal/sfsim"
)

// orgInput is what an admin types for an org served under its real host:
// any URL of the org, and no login URL override.
func (h *harness) orgInput(pasted string) app.ConnectInput {
	return app.ConnectInput{Org: pasted, ClientID: sfsim.DemoClientID, ClientSecret: sfsim.DemoClientSecret,
		CallbackURL: h.callback, Timeout: 20 * time.Second}
}

// exportedConnection returns the "connection" section of an export with secrets.
func exportedConnection(t *testing.T, h *harness, name string) map[string]any {
	t.Helper()
	var buf bytes.Buffer
	if err := h.svc.Export(context.Background(), name, true, &buf); err != nil {
		t.Fatal(err)
	}
	var f struct {
		Connection map[string]any `json:"connection"`
		Salesforce map[string]any `json:"salesforce"`
	}
	if err := json.Unmarshal(buf.Bytes(), &f); err != nil {
		t.Fatal(err)
	}
	f.Connection["kind"] = f.Salesforce["kind"]
	return f.Connection
}

// A sandbox and a Developer Edition org, reached under their real login
// hosts from a pasted Lightning URL, export the namespace that makes the
// console's https://<namespace>.my.salesforce.com/ their login URL.
func TestEveryOrgKindExportsTheConsolesNamespace(t *testing.T) {
	tests := []struct{ namespace, kind, pasted string }{
		{"acme--dev.sandbox", "sandbox", "https://acme--dev.sandbox.lightning.force.com/lightning/setup/SetupOneHome/home"},
		{"acme-dev-ed.develop", "develop", "https://acme-dev-ed.develop.lightning.force.com/lightning/page/home"},
		{"acme", "production", "acme.my.salesforce.com"},
		{"bear-1-dev-ed.trailblaze", "trailblaze", "https://bear-1-dev-ed.trailblaze.my.site.com/s/"},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			h := newOrgHarness(t, tt.namespace, nil)
			c, err := h.svc.Connect(context.Background(), "org", h.orgInput(tt.pasted), h.fields(), nil)
			if err != nil {
				t.Fatalf("Connect: %v", err)
			}
			for _, ch := range c.Report.Checks {
				if ch.Status != app.Pass {
					t.Errorf("check %s = %v (%s)", ch.ID, ch.Status, ch.Key)
				}
				if ch.ID == "instance" && ch.Key != "app.check.instance.ok" {
					t.Errorf("instance checked as %s, want against the org's own host", ch.Key)
				}
			}
			got := exportedConnection(t, h, "org")
			if got["namespace"] != tt.namespace || got["kind"] != tt.kind {
				t.Errorf("exported namespace %v kind %v, want %s %s", got["namespace"], got["kind"], tt.namespace, tt.kind)
			}
			p, _ := h.svc.Load(context.Background(), "org")
			if want := "https://" + tt.namespace + ".my.salesforce.com"; p.LoginURL != want || p.InstanceURL != want ||
				app.ConsoleURL(p) != want+"/" {
				t.Errorf("login %q instance %q console %q, want %s", p.LoginURL, p.InstanceURL, app.ConsoleURL(p), want)
			}
		})
	}
}

// Signing in to another org than the one entered would export a namespace
// that points the console at the wrong org: the check fails, nothing is saved.
func TestATokenOfAnotherOrgIsRefused(t *testing.T) {
	h := newOrgHarness(t, "acme", func(o *sfsim.Options) { o.Org.InstanceURL = "https://other.my.salesforce.com" })
	_, err := h.svc.Connect(context.Background(), "org", h.orgInput("acme"), h.fields(), nil)
	var ve *app.VerificationError
	if !errors.As(err, &ve) || ve.Failed[0].ID != "instance" || ve.MessageKey() != "app.check.instance.mismatch" {
		t.Fatalf("err = %v, want the instance check failed first", err)
	}
	h.assertNothingSaved()
}

// The two app-access errors come back to the callback and get their own
// message, in the app and on the browser's page.
func TestAppAccessErrorsHaveTheirOwnMessages(t *testing.T) {
	tests := []struct {
		name, key string
		mutate    func(*sfsim.Options)
		ja, en    string
	}{
		{"blocked app", "sf.err.app_blocked", func(o *sfsim.Options) { o.Clients[0].Blocked = true },
			"接続アプリケーションの OAuth 利用状況", "Connected Apps OAuth Usage"},
		{"admin approved users only", "sf.err.app_access_denied", func(o *sfsim.Options) { o.Clients[0].AdminApproved = true },
			"すべてのユーザーは自己承認可能", "All users may self-authorize"},
	}
	for _, tt := range tests {
		for _, lang := range []string{"ja", "en"} {
			t.Run(tt.name+"/"+lang, func(t *testing.T) {
				h := newHarness(t, tt.mutate)
				h.svc = h.service(lang)
				_, err := h.svc.Connect(context.Background(), "prod", h.input(), h.fields(), nil)
				var oe *salesforce.OAuthError
				if !errors.As(err, &oe) || oe.MessageKey() != tt.key {
					t.Fatalf("err = %v, want %s", err, tt.key)
				}
				want := map[string]string{"ja": tt.ja, "en": tt.en}[lang]
				if text := i18n.New(lang).Error(err); !strings.Contains(text, want) {
					t.Errorf("message %q does not name %q", text, want)
				}
				if v := h.browser.Wait(t); !strings.Contains(v.Body, want) {
					t.Errorf("the browser page does not explain it: %q", v.Body)
				}
				h.assertNothingSaved()
			})
		}
	}
}

// No API, no connector: the connection fails (not a warning), nothing is
// saved and the token Salesforce issued is revoked. REST answers
// API_DISABLED_FOR_ORG for an edition without the API and for a user without
// "API Enabled" alike, so that message names the user's fix first and then
// the edition; API_CURRENTLY_DISABLED, which sfsim's REST does not send,
// names the user's fix only.
func TestAnOrgOrUserWithoutAPIAccessIsRefused(t *testing.T) {
	tests := []struct {
		name, key string
		mutate    func(*sfsim.Options)
		transport http.RoundTripper // nil: sfsim's answer as it is
	}{
		{"edition without API", "app.err.api_disabled_org", func(o *sfsim.Options) { o.Org.APIDisabled = true }, nil},
		{"user without API Enabled", "app.err.api_disabled_org", func(o *sfsim.Options) { o.User.APIDisabled = true }, nil},
		{"API_CURRENTLY_DISABLED", "app.err.api_disabled_user", nil, apiCurrentlyDisabled{http.DefaultTransport}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, tt.mutate)
			if tt.transport != nil {
				h.http = &http.Client{Transport: tt.transport}
				h.svc = h.service("en")
			}
			c, err := h.svc.Connect(context.Background(), "prod", h.input(), h.fields(), nil)
			var ae *app.APIAccessError
			if !errors.As(err, &ae) || ae.MessageKey() != tt.key || c != nil {
				t.Fatalf("Connect = %v, %v; want %s", c, err, tt.key)
			}
			issued := h.sim.IssuedRefreshTokens()
			if len(issued) != 1 || !h.sim.Revoked(issued[0]) {
				t.Errorf("the issued token was left alive (%d issued)", len(issued))
			}
			h.assertNothingSaved()
			for lang, names := range map[string][2]string{"en": {"“API Enabled”", "Professional Edition"},
				"ja": {"「API の有効化」", "Professional Edition"}} {
				text := i18n.New(lang).Error(err)
				user, edition := strings.Index(text, names[0]), strings.Index(text, names[1])
				if user < 0 || (tt.key == "app.err.api_disabled_org") != (edition > user) {
					t.Errorf("%s: %q does not name the user's fix (then the edition for API_DISABLED_FOR_ORG)", lang, text)
				}
			}
		})
	}
}

// apiCurrentlyDisabled answers REST queries as Salesforce answers a user
// without "API Enabled" on the APIs that send API_CURRENTLY_DISABLED.
type apiCurrentlyDisabled struct{ next http.RoundTripper }

func (a apiCurrentlyDisabled) RoundTrip(r *http.Request) (*http.Response, error) {
	if !strings.HasPrefix(r.URL.Path, "/services/data/v") {
		return a.next.RoundTrip(r)
	}
	body := `[{"message":"API is disabled for this User","errorCode":"API_CURRENTLY_DISABLED"}]`
	return &http.Response{StatusCode: http.StatusForbidden, Header: http.Header{"Content-Type": {"application/json"}},
		Body: io.NopCloser(strings.NewReader(body)), ContentLength: int64(len(body)), Request: r}, nil
}
