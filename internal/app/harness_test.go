package app_test

import (
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/secrets"
	"github.com/sfconnect/sfconnect/internal/sfsim"
	"github.com/sfconnect/sfconnect/internal/testkit"
)

// harness is one simulated org, an app.Service over a temp config dir and an
// in-memory keychain, and a scripted browser that does real HTTP.
type harness struct {
	t        testing.TB
	sim      *sfsim.Sim
	simURL   string
	callback string
	store    *secrets.Memory
	dir      string
	logs     *testkit.SyncBuffer
	svc      *app.Service
	browser  *testkit.Browser // follows the sign-in to the callback
	http     *http.Client     // the TLS simulator's client; nil for plain loopback
}

func newHarness(t testing.TB, mutate func(*sfsim.Options)) *harness {
	t.Helper()
	return startHarness(t, "", mutate)
}

// newOrgHarness serves the simulated org over TLS under its real login host,
// https://<namespace>.my.salesforce.com: no login URL override, as against
// Salesforce. The service and the browser reach it through its client.
func newOrgHarness(t testing.TB, namespace string, mutate func(*sfsim.Options)) *harness {
	t.Helper()
	return startHarness(t, namespace, mutate)
}

func startHarness(t testing.TB, namespace string, mutate func(*sfsim.Options)) *harness {
	t.Helper()
	org := testkit.StartOrg(t, namespace, mutate)
	h := &harness{t: t, store: secrets.NewMemory(), dir: t.TempDir(), logs: &testkit.SyncBuffer{},
		sim: org.Sim, simURL: org.URL, callback: org.Callback, http: org.HTTP, browser: org.Browser(testkit.Follow)}
	h.svc = h.service("en")
	return h
}

func (h *harness) service(lang string) *app.Service {
	return app.New(app.Deps{
		Profiles:    &profile.Store{Dir: h.dir},
		Secrets:     h.store,
		HTTP:        h.http,
		OpenBrowser: h.browser.Open,
		Logger:      slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Lang:        lang,
	})
}

// input is what an admin would type for the simulated org.
func (h *harness) input() app.ConnectInput {
	return app.ConnectInput{Org: "acme", ClientID: sfsim.DemoClientID, ClientSecret: sfsim.DemoClientSecret,
		CallbackURL: h.callback, LoginURL: h.simURL, Timeout: 20 * time.Second}
}

func (h *harness) fields() app.ConsoleFields {
	return app.ConsoleFields{MatchingAttribute: "Email", AssetName: "Salesforce 本番", AssetID: "sf-prod", Memo: "test"}
}

// assertNothingSaved checks that a failed flow left no profile and no
// keychain entry behind: nothing half-written.
func (h *harness) assertNothingSaved() {
	h.t.Helper()
	entries, err := os.ReadDir(h.dir)
	if err != nil && !os.IsNotExist(err) {
		h.t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() == ".lock" { // the store's lock, not a profile
			continue
		}
		h.t.Errorf("config dir holds %s after a failed flow", e.Name())
	}
	if acc := h.store.Accounts(); len(acc) > 0 {
		h.t.Errorf("keychain holds %v after a failed flow", acc)
	}
}

// filesContaining lists files under dir whose bytes contain any needle.
func filesContaining(t *testing.T, dir string, needles ...string) []string {
	t.Helper()
	var hits []string
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		b, _ := os.ReadFile(p)
		for _, n := range needles {
			if n != "" && strings.Contains(string(b), n) {
				hits = append(hits, p)
			}
		}
		return nil
	})
	return hits
}
