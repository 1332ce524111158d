package callback

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"
)

// forgedQueries are requests any web page or local program can make: they
// look like callbacks but cannot know the state.
var forgedQueries = []struct{ name, query string }{
	{"code without state", "code=forged"},
	{"code with a guessed state", "code=forged&state=guess"},
	{"code with an empty state", "code=forged&state="},
	{"denial without state", "error=access_denied&error_description=end-user+denied+authorization"},
	{"denial with a guessed state", "error=access_denied&state=guess"},
	{"state that is a prefix of ours", "code=forged&state=" + handlerState[:len(handlerState)-1]},
}

// A forged response is answered with an error page and logged without any
// state value, and the wait goes on: the real response still wins.
func TestServeHTTPForgedResponsesDoNotEndTheWait(t *testing.T) {
	for _, real := range []struct {
		name, query string
		want        Result
	}{
		{"then the real code", "code=real%3D%3D&state=" + handlerState, Result{Code: "real=="}},
		{"then the real denial", "error=access_denied&state=" + handlerState, Result{Error: "access_denied"}},
	} {
		t.Run(real.name, func(t *testing.T) {
			var logs bytes.Buffer // serve runs in this goroutine: no lock needed
			s, err := newServer(Config{RedirectURL: "http://localhost:8765/callback", State: handlerState,
				Logger: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))})
			if err != nil {
				t.Fatal(err)
			}
			for i, f := range forgedQueries {
				rec := serve(s, "GET", "127.0.0.1:5000", "localhost:8765", "/callback", f.query)
				if rec.Code != 400 || !strings.Contains(rec.Body.String(), "was ignored") {
					t.Errorf("%s: page %d %q, want 400 and the ignored page", f.name, rec.Code, rec.Body.String())
				}
				if _, _, done := taken(s); done {
					t.Fatalf("%s ended the wait", f.name)
				}
				if s.Ignored() != i+1 {
					t.Errorf("%s: Ignored() = %d, want %d", f.name, s.Ignored(), i+1)
				}
			}
			rec := serve(s, "GET", "127.0.0.1:5000", "localhost:8765", "/callback", real.query)
			got, err, done := taken(s)
			if !done || err != nil || got != real.want {
				t.Fatalf("after the real response: Wait = %+v, %v (done %v); want %+v", got, err, done, real.want)
			}
			if rec.Code == 400 && strings.Contains(rec.Body.String(), "was ignored") {
				t.Error("the real response got the ignored page")
			}
			out := logs.String()
			if n := strings.Count(out, "ignored a response with a missing or wrong state"); n != len(forgedQueries) {
				t.Errorf("%d forged responses logged, want %d:\n%s", n, len(forgedQueries), out)
			}
			for _, v := range []string{handlerState, "guess", handlerState[:len(handlerState)-1]} {
				if strings.Contains(out, v) {
					t.Errorf("the log holds the state value %q:\n%s", v, out)
				}
			}
		})
	}
}

// Over real loopback HTTP: a forged state-less request, then a forged
// denial, then the real redirect completes the sign-in.
func TestListenForgedThenRealCompletes(t *testing.T) {
	s, port := listenFree(t)
	for _, q := range []string{"?code=forged", "?error=access_denied&state=srv-state-Qm82"} {
		status, body := browse(t, "GET", "127.0.0.1", port, "/callback"+q)
		if status != 400 || !strings.Contains(body, "was ignored") {
			t.Fatalf("forged %s: %d %q", q, status, body)
		}
		if strings.Contains(body, serverState) {
			t.Fatal("the page shows the expected state")
		}
	}
	if status, _ := browse(t, "GET", "127.0.0.1", port, "/callback?code=real&state="+serverState); status != 200 {
		t.Fatalf("real callback: status %d", status)
	}
	if got, err := wait(t, s); err != nil || got.Code != "real" {
		t.Fatalf("Wait = %+v, %v; want the real code", got, err)
	}
}

// When nothing valid arrived before the deadline, the error says how many
// responses were ignored; a cancel stays a plain cancel.
func TestWaitTimeoutReportsIgnoredResponses(t *testing.T) {
	s := newTestHandler(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	var ie *IgnoredResponsesError
	if _, err := s.Wait(ctx); !errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ie) {
		t.Fatalf("no forged response: err = %v, want a plain DeadlineExceeded", err)
	}

	serve(s, "GET", "127.0.0.1:5000", "localhost:8765", "/callback", "code=forged")
	serve(s, "GET", "127.0.0.1:5000", "localhost:8765", "/callback", "error=access_denied")
	ctx, cancel = context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	_, err := s.Wait(ctx)
	if !errors.As(err, &ie) || ie.Count != 2 || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want IgnoredResponsesError{Count: 2} wrapping DeadlineExceeded", err)
	}
	if ie.MessageArgs()["Count"] != 2 || ie.MessageKey() != "callback.err.timeout_ignored" {
		t.Errorf("message %s %v", ie.MessageKey(), ie.MessageArgs())
	}

	ctx, cancel = context.WithCancel(context.Background())
	cancel()
	if _, err := s.Wait(ctx); !errors.Is(err, context.Canceled) || errors.As(err, &ie) {
		t.Fatalf("canceled: err = %v, want a plain cancel", err)
	}
}
