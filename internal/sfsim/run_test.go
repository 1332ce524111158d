package sfsim

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

// Start serves on 127.0.0.1 and points identity URLs at itself.
func TestStart(t *testing.T) {
	run, err := Start(context.Background(), DemoOptions(""))
	if err != nil {
		t.Fatal(err)
	}
	defer run.Close()
	if !strings.HasPrefix(run.URL, "http://127.0.0.1:") {
		t.Fatalf("URL = %q", run.URL)
	}
	resp, err := http.Get(run.URL + "/services/data/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("versions: %d", resp.StatusCode)
	}
	run.Close() // a second Close is harmless
}

// Start stops when its context ends, even with a request held by Latency.
func TestStartStopsWithContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	opts := DemoOptions("")
	opts.Latency = time.Hour
	run, err := Start(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	errc := make(chan error, 1)
	go func() {
		resp, err := http.Get(run.URL + "/services/data/")
		if err == nil {
			resp.Body.Close()
		}
		errc <- err
	}()
	cancel()
	run.Close()
	<-errc // returns (with an error or not) instead of hanging for an hour
}

func TestRunRefusesNonLoopback(t *testing.T) {
	for _, addr := range []string{":0", "0.0.0.0:0", "[::]:0", "192.0.2.1:0", "example.com:0", "127.0.0.1", ""} {
		t.Run(addr, func(t *testing.T) {
			err := Run(context.Background(), addr, DemoOptions(""), io.Discard)
			if !errors.Is(err, ErrNotLoopback) {
				t.Errorf("Run(%q) = %v, want ErrNotLoopback", addr, err)
			}
		})
	}
}

// Run prints its URL and the demo credentials, serves, and returns nil when
// its context ends. The full demo flow works through the consent page.
func TestRunDemoFlow(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() { done <- Run(ctx, "127.0.0.1:0", DemoOptions(""), pw); pw.Close() }()
	var banner strings.Builder
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		banner.WriteString(sc.Text() + "\n")
		if strings.HasPrefix(sc.Text(), "Stop with") {
			break
		}
	}
	go func() { _, _ = io.Copy(io.Discard, pr) }()
	for _, want := range []string{DemoClientID, DemoClientSecret, DemoUsername, DemoOrgID, "http://localhost/", "not a real Salesforce org"} {
		if !strings.Contains(banner.String(), want) {
			t.Errorf("banner lacks %q:\n%s", want, banner.String())
		}
	}
	base := regexp.MustCompile(`Login URL:\s+(\S+)`).FindStringSubmatch(banner.String())
	if base == nil {
		t.Fatalf("no login URL in banner:\n%s", banner.String())
	}
	h := &harness{t: t, http: &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	p := url.Values{"response_type": {"code"}, "client_id": {DemoClientID}, "redirect_uri": {DemoCallbackURL}, "state": {"s1"}}
	req, _ := http.NewRequest(http.MethodGet, base[1]+"/services/oauth2/authorize?"+p.Encode(), nil)
	_, page := h.do(req)
	m := formTokenRE.FindStringSubmatch(page)
	if m == nil || !strings.Contains(page, DemoAppName) {
		t.Fatalf("no consent page:\n%s", page)
	}
	form := consentAction(m[1], true)
	req, _ = http.NewRequest(http.MethodPost, base[1]+"/services/oauth2/authorize", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, _ := h.do(req)
	q := h.callback(resp, DemoCallbackURL)
	tok := url.Values{"grant_type": {"authorization_code"}, "code": {q.Get("code")}, "client_id": {DemoClientID},
		"client_secret": {DemoClientSecret}, "redirect_uri": {DemoCallbackURL}}
	req, _ = http.NewRequest(http.MethodPost, base[1]+"/services/oauth2/token", strings.NewReader(tok.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if resp, body := h.do(req); resp.StatusCode != http.StatusOK || !strings.Contains(body, `"instance_url":"`+base[1]+`"`) {
		t.Errorf("token: %d %s", resp.StatusCode, body)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run returned %v after cancel, want nil", err)
	}
}

// The demo values look like Salesforce's and are internally consistent.
func TestDemoOptions(t *testing.T) {
	o := DemoOptions("http://localhost:8080/callback")
	c := o.Clients[0]
	checks := []struct {
		name string
		ok   bool
	}{
		{"client ID starts 3MVG9", strings.HasPrefix(c.ID, "3MVG9") && len(c.ID) == 85},
		{"secret is 64 hex digits", regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(c.Secret)},
		{"callback as given", len(c.RedirectURIs) == 1 && c.RedirectURIs[0] == "http://localhost:8080/callback"},
		{"seed app settings", c.RequireSecret && !c.RequireSecretForRefresh && !c.RequirePKCE},
		{"org ID", len(o.Org.OrgID) == 18 && strings.HasPrefix(o.Org.OrgID, "00D") && idChecksum(o.Org.OrgID[:15]) == o.Org.OrgID[15:]},
		{"user ID", len(o.User.UserID) == 18 && strings.HasPrefix(o.User.UserID, "005") && idChecksum(o.User.UserID[:15]) == o.User.UserID[15:]},
		{"user", o.User.Username == DemoUsername && o.User.ManageUsers && o.User.Active},
		{"consent page", o.Consent == ConsentPage},
		{"default callback", DemoOptions("").Clients[0].RedirectURIs[0] == "http://localhost/"},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("%s: failed", c.name)
		}
	}
}
