package sfsim

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// Fail5xx: the next N token requests meet an HTML outage page; other
// endpoints are unaffected; then service resumes.
func TestFail5xx(t *testing.T) {
	h := newHarness(t, func(o *Options) { o.Fail5xx = 1 })
	h.sim.SetFail5xx(2)
	code := h.code(authParams())
	for i := range 2 {
		resp, body := h.postForm("/services/oauth2/token", exchangeForm(code))
		if resp.StatusCode != http.StatusServiceUnavailable || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			t.Fatalf("request %d: %d %q", i, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		var v any
		if json.Unmarshal([]byte(body), &v) == nil {
			t.Errorf("outage body parses as JSON: %q", body)
		}
		if resp, _ := h.get("/services/data/", nil); resp.StatusCode != http.StatusOK {
			t.Errorf("versions during token outage: %d", resp.StatusCode)
		}
	}
	if status, m := h.token(exchangeForm(code)); status != http.StatusOK {
		t.Errorf("after the outage: %d %v", status, m)
	}
	if n := len(h.sim.EventsOf("fail5xx")); n != 2 {
		t.Errorf("fail5xx events = %d, want 2", n)
	}
}

// Latency ends with the request's context: the handler returns without
// answering, and a client with a cancelled context gets its context error.
func TestLatencyRespectsContext(t *testing.T) {
	sim := New(Options{Latency: time.Hour})
	t.Run("handler returns on cancel", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		req := httptest.NewRequestWithContext(ctx, http.MethodGet, "/services/data/", nil)
		rec := httptest.NewRecorder()
		sim.ServeHTTP(rec, req) // would block for an hour if ctx were ignored
		if rec.Body.Len() != 0 || len(sim.Events()) != 0 {
			t.Errorf("answered a cancelled request: %q", rec.Body.String())
		}
	})
	t.Run("client over loopback", func(t *testing.T) {
		srv := httptest.NewServer(sim)
		defer srv.Close()
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() {
			req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/services/data/", nil)
			resp, err := http.DefaultClient.Do(req)
			if err == nil {
				resp.Body.Close()
			}
			done <- err
		}()
		cancel()
		if err := <-done; !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	})
	t.Run("no latency serves at once", func(t *testing.T) {
		sim.SetLatency(0)
		rec := httptest.NewRecorder()
		sim.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/services/data/", nil))
		if rec.Code != http.StatusOK {
			t.Errorf("status %d", rec.Code)
		}
	})
}

// Events never carry secrets, codes, tokens or the state.
func TestEventsHoldNoSecrets(t *testing.T) {
	h := newHarness(t, func(o *Options) { o.Rotation = true })
	code := h.code(authParams("state", "secret-state-value", "code_challenge", testChallenge))
	_, m := h.token(exchangeForm(code, "code_verifier", testVerifier))
	_, m2 := h.token(refreshForm(m["refresh_token"].(string)))
	h.withBearer("/services/oauth2/userinfo", m2["access_token"].(string))
	h.token(exchangeForm(code, "code_verifier", testVerifier)) // replay
	secrets := []string{testSecret, code, "secret-state-value", testVerifier, testChallenge,
		m["access_token"].(string), m["refresh_token"].(string), m2["access_token"].(string), m2["refresh_token"].(string)}
	events := h.sim.Events()
	if len(events) < 5 {
		t.Fatalf("only %d events", len(events))
	}
	for _, e := range events {
		for _, s := range secrets {
			if strings.Contains(e.Detail, s) || strings.Contains(e.Detail, s[len(s)-12:]) {
				t.Errorf("event %v leaks a secret", e)
			}
		}
	}
}
