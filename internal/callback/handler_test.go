package callback

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

const handlerState = "expected-STATE-4f9a"

// newTestHandler builds an unbound server for http://localhost:8765/callback.
func newTestHandler(t testing.TB) *Server {
	t.Helper()
	s, err := newServer(Config{RedirectURL: "http://localhost:8765/callback", State: handlerState})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// serve runs one request through the handler without a network.
func serve(s *Server, method, remote, host, path, rawQuery string) *httptest.ResponseRecorder {
	req := &http.Request{
		Method:     method,
		URL:        &url.URL{Path: path, RawQuery: rawQuery},
		Host:       host,
		RemoteAddr: remote,
		Header:     http.Header{},
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return rec
}

// taken reports the outcome if one was recorded, without waiting.
func taken(s *Server) (Result, error, bool) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r, err := s.Wait(ctx)
	if errors.Is(err, context.Canceled) {
		return Result{}, nil, false
	}
	return r, err, true
}

func TestServeHTTPRefusesAndIgnores(t *testing.T) {
	ok := "code=abc&state=" + handlerState
	tests := []struct {
		name                       string
		method, remote, host, path string
		query                      string
		wantStatus                 int
	}{
		{"non-loopback peer", "GET", "192.0.2.7:5000", "localhost:8765", "/callback", ok, http.StatusForbidden},
		{"LAN peer over IPv6", "GET", "[2001:db8::1]:5000", "localhost:8765", "/callback", ok, http.StatusForbidden},
		{"foreign Host header (DNS rebinding)", "GET", "127.0.0.1:5000", "evil.example:8765", "/callback", ok, http.StatusMisdirectedRequest},
		{"127.0.0.1 is not localhost", "GET", "127.0.0.1:5000", "127.0.0.1:8765", "/callback", ok, http.StatusMisdirectedRequest},
		{"bare localhost only on port 80", "GET", "127.0.0.1:5000", "localhost", "/callback", ok, http.StatusMisdirectedRequest},
		{"favicon", "GET", "127.0.0.1:5000", "localhost:8765", "/favicon.ico", "", http.StatusNotFound},
		{"root", "GET", "127.0.0.1:5000", "localhost:8765", "/", ok, http.StatusNotFound},
		{"trailing slash differs", "GET", "127.0.0.1:5000", "localhost:8765", "/callback/", ok, http.StatusNotFound},
		{"POST", "POST", "127.0.0.1:5000", "localhost:8765", "/callback", ok, http.StatusMethodNotAllowed},
		{"HEAD", "HEAD", "[::1]:5000", "localhost:8765", "/callback", ok, http.StatusMethodNotAllowed},
		{"no parameters", "GET", "127.0.0.1:5000", "localhost:8765", "/callback", "", http.StatusBadRequest},
		{"state only", "GET", "127.0.0.1:5000", "localhost:8765", "/callback", "state=" + handlerState, http.StatusBadRequest},
		{"two codes", "GET", "127.0.0.1:5000", "localhost:8765", "/callback", "code=a&code=b&state=" + handlerState, http.StatusBadRequest},
		{"semicolon query", "GET", "127.0.0.1:5000", "localhost:8765", "/callback", "code=a;state=" + handlerState, http.StatusBadRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestHandler(t)
			rec := serve(s, tt.method, tt.remote, tt.host, tt.path, tt.query)
			if rec.Code != tt.wantStatus {
				t.Fatalf("status = %d, want %d", rec.Code, tt.wantStatus)
			}
			if _, _, done := taken(s); done {
				t.Fatal("an ignored request ended the wait")
			}
			if got := rec.Header().Get("Cache-Control"); got != "no-store" {
				t.Errorf("Cache-Control = %q", got)
			}
		})
	}
}

func TestServeHTTPOutcomes(t *testing.T) {
	tests := []struct {
		name       string
		query      string
		want       Result
		wantErr    error
		wantStatus int
		wantText   string
	}{
		{"code decoded once", "code=aPrx%3D%3D&state=" + handlerState, Result{Code: "aPrx=="}, nil, 200, "Sign-in complete"},
		{"escaped percent", "code=x%253D&state=" + handlerState, Result{Code: "x%3D"}, nil, 200, "Sign-in complete"},
		{"state first", "state=" + handlerState + "&code=abc", Result{Code: "abc"}, nil, 200, "Sign-in complete"},
		{
			"denied", "error=access_denied&error_description=end-user+denied+authorization&state=" + handlerState,
			Result{Error: "access_denied", ErrorDescription: "end-user denied authorization"}, nil, 400, "not completed",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newTestHandler(t)
			rec := serve(s, "GET", "127.0.0.1:5000", "localhost:8765", "/callback", tt.query)
			if rec.Code != tt.wantStatus {
				t.Errorf("status = %d, want %d", rec.Code, tt.wantStatus)
			}
			body := rec.Body.String()
			if !strings.Contains(body, tt.wantText) {
				t.Errorf("page lacks %q:\n%s", tt.wantText, body)
			}
			for _, secret := range []string{handlerState, "guess", "aPrx", "abc"} {
				if strings.Contains(body, secret) {
					t.Errorf("page contains %q", secret)
				}
			}
			h := rec.Header()
			for k, v := range map[string]string{
				"Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store",
				"Referrer-Policy": "no-referrer", "Content-Security-Policy": contentSecurityPolicy,
			} {
				if h.Get(k) != v {
					t.Errorf("%s = %q, want %q", k, h.Get(k), v)
				}
			}
			got, err, done := taken(s)
			if !done {
				t.Fatal("the callback did not end the wait")
			}
			if got != tt.want || !errors.Is(err, tt.wantErr) || (tt.wantErr == nil && err != nil) {
				t.Fatalf("Wait = %+v, %v; want %+v, %v", got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestServeHTTPCustomPage(t *testing.T) {
	var seen []error
	s, err := newServer(Config{
		RedirectURL: "http://localhost/", State: handlerState,
		Page: func(r Result, err error) (int, []byte) {
			seen = append(seen, err)
			return 299, []byte("custom")
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	serve(s, "GET", "127.0.0.1:1", "localhost", "/", "code=a&state="+handlerState)
	rec := serve(s, "GET", "127.0.0.1:1", "localhost:80", "/", "code=b&state="+handlerState)
	if rec.Code != 299 || rec.Body.String() != "custom" {
		t.Fatalf("custom page not used: %d %q", rec.Code, rec.Body.String())
	}
	if len(seen) != 2 || seen[0] != nil || !errors.Is(seen[1], ErrAlreadyCompleted) {
		t.Fatalf("Page saw %v, want [nil ErrAlreadyCompleted]", seen)
	}
}

func FuzzCallbackQuery(f *testing.F) {
	for _, s := range []string{
		"", "code=aPrx%3D%3D&state=" + handlerState, "code=%253D&state=" + handlerState,
		"error=access_denied&error_description=x+y&state=" + handlerState, "code=a;b", "%", "code=&state=",
		"code=a&code=b", "state=" + handlerState, "=&=&", "code=%ZZ", "code=\x00",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		s := newTestHandler(t)
		rec := serve(s, "GET", "127.0.0.1:5000", "localhost:8765", "/callback", raw)
		if rec.Code != 200 && rec.Code != 400 {
			t.Fatalf("status %d for %q", rec.Code, raw)
		}
		if strings.Contains(rec.Body.String(), handlerState) {
			t.Fatal("page shows the expected state")
		}
		if got, err, done := taken(s); done && err == nil && got.Code != "" {
			q, _ := url.ParseQuery(raw)
			if got.Code != q.Get("code") {
				t.Fatalf("code %q, want the once-decoded %q", got.Code, q.Get("code"))
			}
		}

		// The same string used as a code, escaped once, arrives unchanged.
		if raw == "" {
			return
		}
		s = newTestHandler(t)
		serve(s, "GET", "127.0.0.1:5000", "localhost:8765", "/callback", "code="+url.QueryEscape(raw)+"&state="+handlerState)
		if got, err, done := taken(s); !done || err != nil || got.Code != raw {
			t.Fatalf("code %q arrived as %+v, %v (done=%v)", raw, got, err, done)
		}
	})
}
