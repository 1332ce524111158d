package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/salesforce"
)

// recorder is a transport that notes every host a request went to.
type recorder struct {
	mu    sync.Mutex
	hosts []string
	next  http.RoundTripper
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.mu.Lock()
	r.hosts = append(r.hosts, req.URL.Host)
	r.mu.Unlock()
	return r.next.RoundTrip(req)
}

func (r *recorder) contacted(host string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, h := range r.hosts {
		if h == host {
			return true
		}
	}
	return false
}

// tamper rewrites one field of a saved profile's file, as an attacker with
// write access to the file, or a crafted import of an older version, would.
func tamper(t *testing.T, dir, name, field, value string) {
	t.Helper()
	matches, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	for _, path := range matches {
		raw, _ := os.ReadFile(path)
		var m map[string]any
		if json.Unmarshal(raw, &m) != nil || m["name"] != name {
			continue
		}
		m[field] = value
		raw, _ = json.Marshal(m)
		if err := os.WriteFile(path, raw, 0o600); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Fatalf("no file for profile %q", name)
}

// A saved profile whose login URL was changed to another host is never used
// to contact anything: every command that would reach Salesforce refuses it,
// naming the host, before a request leaves.
func TestATamperedLoginURLIsNeverContacted(t *testing.T) {
	h := newOrgHarness(t, "acme", nil)
	rec := &recorder{next: h.http.Transport}
	h.http = &http.Client{Transport: rec}
	h.svc = h.service("en")
	ctx := context.Background()
	if _, err := h.svc.Connect(ctx, "prod", h.orgInput("acme"), h.fields(), nil); err != nil {
		t.Fatal(err)
	}
	h.browser.Wait(t)
	sec, _ := h.svc.Secrets(ctx, "prod")
	tamper(t, h.dir, "prod", "login_url", "https://collector.evil.example")
	rec.hosts = nil

	refusedHost := func(what string, err error) {
		t.Helper()
		var hr *profile.HostRefusedError
		if !errors.As(err, &hr) || hr.Host != "collector.evil.example" {
			t.Errorf("%s: err = %v, want *profile.HostRefusedError naming the host", what, err)
		}
	}
	_, err := h.svc.Reauthorize(ctx, "prod", false, 0)
	refusedHost("reauthorize", err)
	_, err = h.svc.Verify(ctx, "prod", nil)
	refusedHost("verify", err)
	_, err = h.svc.VerifyDeep(ctx, "prod", nil)
	refusedHost("deep verify", err)
	_, err = h.svc.CheckToken(ctx, "prod")
	refusedHost("token check", err)
	refusedHost("export", h.svc.Export(ctx, "prod", true, &bytes.Buffer{}))
	if len(rec.hosts) != 0 {
		t.Fatalf("requests went out for a refused profile: %v", rec.hosts)
	}
	if len(h.browser.Opened()) != 1 {
		t.Errorf("the browser was opened again: %v", h.browser.Opened())
	}

	// Delete still works: the token is revoked at the org's own My Domain.
	if err := h.svc.Delete(ctx, "prod", true, nil); err != nil {
		t.Fatalf("Delete of a refused profile: %v", err)
	}
	if !h.sim.Revoked(sec.RefreshToken) || rec.contacted("collector.evil.example") || !rec.contacted("acme.my.salesforce.com") {
		t.Errorf("revoked %v, contacted %v", h.sim.Revoked(sec.RefreshToken), rec.hosts)
	}
	if list, _ := h.svc.List(ctx); len(list) != 0 || len(h.store.Accounts()) != 0 {
		t.Errorf("left behind: profiles %v, keychain %v", list, h.store.Accounts())
	}
}

// A crafted export whose login URL is not Salesforce is refused at import,
// with the host named, and nothing is written.
func TestImportRefusesAForeignLoginURLAndWritesNothing(t *testing.T) {
	h := connected(t, nil)
	ctx := context.Background()
	var full bytes.Buffer
	if err := h.svc.Export(ctx, "prod", true, &full); err != nil {
		t.Fatal(err)
	}
	crafted := strings.Replace(full.String(), `"login_url": "`+h.simURL+`"`, `"login_url": "https://login.evil.example"`, 1)
	if crafted == full.String() {
		t.Fatal("the export has no login_url to replace")
	}
	before := h.store.Accounts()
	_, err := h.svc.Import(ctx, strings.NewReader(crafted), "crafted")
	var v profile.ValidationErrors
	if !errors.As(err, &v) || v.Field("login_url") == nil || v.Field("login_url").Args["Host"] != "login.evil.example" {
		t.Fatalf("Import = %v, want login_url refused naming login.evil.example", err)
	}
	if _, err := h.svc.Load(ctx, "crafted"); !errors.Is(err, profile.ErrNotFound) {
		t.Errorf("a profile was saved: %v", err)
	}
	if after := h.store.Accounts(); len(after) != len(before) {
		t.Errorf("keychain went from %v to %v", before, after)
	}
}

// The login URL a new connection may use follows the same rule.
func TestALoginURLOverrideMustBeAllowedForTheOrg(t *testing.T) {
	h := newHarness(t, nil)
	for raw, ok := range map[string]bool{
		"https://login.salesforce.com":      true,
		"https://acme.my.salesforce.com":    true,
		h.simURL:                            true,
		"https://other.my.salesforce.com":   false,
		"https://login.salesforce.com.evil": false,
	} {
		in := h.input()
		in.LoginURL = raw
		got, err := app.SignInURL(in)
		var ue *salesforce.URLError
		switch {
		case ok && err != nil:
			t.Errorf("%s refused: %v", raw, err)
		case !ok && (!errors.As(err, &ue) || ue.Reason != salesforce.URLReasonNotAllowed):
			t.Errorf("%s: SignInURL = %q, %v; want refused", raw, got, err)
		}
	}
}
