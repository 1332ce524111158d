package app_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/profile"
)

// Any web page or local program can call the callback URL while the admin
// signs in. Requests without the state, or with a wrong one, even a forged
// denial, are answered and logged, and the real redirect still completes
// the sign-in.
func TestConnectForgedCallbacksDoNotEndTheSignIn(t *testing.T) {
	h := newHarness(t, nil)
	var forged []int
	var state string
	forge := func(u *url.URL) error {
		state = u.Query().Get("state")
		for _, q := range []string{"code=forged", "error=access_denied&error_description=forged",
			"error=access_denied&state=guess", "code=forged&state=" + state[:len(state)-1]} {
			resp, err := http.Get(h.callback + "?" + q)
			if err != nil {
				return err
			}
			resp.Body.Close()
			forged = append(forged, resp.StatusCode)
		}
		return h.browser.Open(u)
	}
	svc := app.New(app.Deps{Profiles: &profile.Store{Dir: h.dir}, Secrets: h.store, OpenBrowser: forge,
		Logger: slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))})

	if _, err := svc.Connect(context.Background(), "prod", h.input(), h.fields(), nil); err != nil {
		t.Fatalf("Connect after forged callbacks: %v", err)
	}
	for i, status := range forged {
		if status != http.StatusBadRequest {
			t.Errorf("forged request %d answered %d, want 400", i, status)
		}
	}
	if v := h.browser.Wait(t); v.Status != http.StatusOK || !strings.Contains(v.Body, "Signed in to Salesforce") {
		t.Errorf("the real redirect ended on %d %q, want the success page", v.Status, v.Body)
	}
	if _, err := h.svc.Load(context.Background(), "prod"); err != nil {
		t.Errorf("profile not saved: %v", err)
	}
	logs := h.logs.String()
	if n := strings.Count(logs, "ignored a response with a missing or wrong state"); n != 4 {
		t.Errorf("%d forged requests logged, want 4:\n%s", n, logs)
	}
	if state == "" || strings.Contains(logs, state) || strings.Contains(logs, "guess") {
		t.Error("the log holds a state value")
	}
}
