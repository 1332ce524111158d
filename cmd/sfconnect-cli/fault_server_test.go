package main

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"
)

// Faults the injector can put in front of the simulator.
const (
	faultNone     = ""
	faultSlow     = "slow"     // the token endpoint does not answer before the client gives up
	faultOutage   = "5xx"      // the token endpoint answers 503 with an HTML page
	faultGarbage  = "garbage"  // the token endpoint answers 200 with broken JSON
	faultReset    = "reset"    // the token endpoint resets the TCP connection
	faultIdentity = "identity" // the identity URL answers 500 after a good exchange
	faultHugeRT   = "huge-rt"  // the token endpoint returns a refresh token too large for any keychain
)

// faultServer is an http.Handler in front of the simulator that breaks one
// endpoint the way Salesforce, a proxy or the network can.
type faultServer struct {
	next http.Handler
	mu   sync.Mutex
	mode string
	huge map[string]string // huge refresh token -> the simulator's
}

func (f *faultServer) set(mode string) {
	f.mu.Lock()
	f.mode = mode
	f.mu.Unlock()
}

func (f *faultServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	mode := f.mode
	f.mu.Unlock()
	token := r.Method == http.MethodPost && r.URL.Path == "/services/oauth2/token"
	switch {
	case mode == faultSlow && token:
		// Until the client gives up. The body must be read first: only
		// then does the server notice the client closing the connection.
		_, _ = io.Copy(io.Discard, r.Body)
		select {
		case <-r.Context().Done():
		case <-time.After(time.Minute):
		}
	case mode == faultOutage && token:
		w.Header().Set("Content-Type", "text/html; charset=UTF-8")
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = io.WriteString(w, "<html><body><h1>Service Unavailable</h1>maintenance</body></html>")
	case mode == faultGarbage && token:
		w.Header().Set("Content-Type", "application/json;charset=UTF-8")
		_, _ = io.WriteString(w, `{"access_token":"00D!AQ","instance_url":"https://`)
	case mode == faultReset && token:
		if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
			if tc, ok := conn.(*net.TCPConn); ok {
				_ = tc.SetLinger(0) // close with RST, not FIN
			}
			_ = conn.Close()
		}
	case mode == faultIdentity && strings.HasPrefix(r.URL.Path, "/id/"):
		http.Error(w, `[{"errorCode":"UNKNOWN_EXCEPTION","message":"An unexpected error occurred."}]`, http.StatusInternalServerError)
	case mode == faultHugeRT:
		f.hugeRefreshToken(w, r)
	default:
		f.next.ServeHTTP(w, r)
	}
}

// hugeRefreshToken hands out refresh tokens longer than any keychain holds
// and maps them back on their way in, so that Salesforce's side still works
// (refresh, revoke) and only the keychain meets the size.
func (f *faultServer) hugeRefreshToken(w http.ResponseWriter, r *http.Request) {
	if r.Body != nil {
		body, _ := io.ReadAll(r.Body)
		f.mu.Lock()
		for huge, orig := range f.huge {
			body = bytes.ReplaceAll(body, []byte(huge), []byte(orig))
		}
		f.mu.Unlock()
		r.Body = io.NopCloser(bytes.NewReader(body))
		r.ContentLength = int64(len(body))
	}
	rec := httptest.NewRecorder()
	f.next.ServeHTTP(rec, r)
	body := rec.Body.String()
	if i := strings.Index(body, `"refresh_token":"`); i >= 0 && r.URL.Path == "/services/oauth2/token" {
		start := i + len(`"refresh_token":"`)
		orig := body[start : start+strings.IndexByte(body[start:], '"')]
		huge := orig + strings.Repeat("Z", 3000)
		f.mu.Lock()
		if f.huge == nil {
			f.huge = map[string]string{}
		}
		f.huge[huge] = orig
		f.mu.Unlock()
		body = body[:start] + huge + body[start+len(orig):]
	}
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.Header().Del("Content-Length")
	w.WriteHeader(rec.Code)
	_, _ = io.WriteString(w, body)
}
