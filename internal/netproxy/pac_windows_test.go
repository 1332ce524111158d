//go:build windows

package netproxy

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"syscall"
	"testing"
	"time"
)

// The WinHTTP path's own parts. TestAPACFileRunsFromHTTPOrAFileAndItsFailuresAreTyped
// and the Real tests run it against real WinHTTP (Windows, or Wine in
// scripts/wine-test.sh).

func TestWinHTTPProxyInfoIsReadAsAPACAnswer(t *testing.T) {
	tests := []struct {
		access uint32
		list   string
		want   string
	}{
		{winhttpAccessTypeNoProxy, "", "DIRECT"},
		{winhttpAccessTypeNamedProxy, "proxy.corp:8080", "PROXY proxy.corp:8080"},
		{winhttpAccessTypeNamedProxy, "a.corp:8080;b.corp:3128", "PROXY a.corp:8080; PROXY b.corp:3128"},
		{winhttpAccessTypeNamedProxy, "a.corp:8080; DIRECT", "PROXY a.corp:8080; DIRECT"},
		{winhttpAccessTypeNamedProxy, "https://tls.corp:443", "HTTPS tls.corp:443"},
		{winhttpAccessTypeNamedProxy, "socks=s.corp:1080", "PROXY socks=s.corp:1080"},
		{winhttpAccessTypeNamedProxy, "socks5://s.corp:1080", "SOCKS5 s.corp:1080"},
		{winhttpAccessTypeNamedProxy, "", "DIRECT"},
	}
	for _, tt := range tests {
		if got := proxyInfoAnswer(tt.access, tt.list); got != tt.want {
			t.Errorf("proxyInfoAnswer(%d, %q) = %q, want %q", tt.access, tt.list, got, tt.want)
		}
	}
}

func TestWinHTTPErrorsGiveTheReasonsGojaGives(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{errWinHTTPUnableToDownload, PACReasonFetch},
		{errWinHTTPUnrecognizedScheme, PACReasonFetch},
		{errWinHTTPTimeout, PACReasonFetch},
		{errWinHTTPNameNotResolved, PACReasonFetch},
		{errWinHTTPLoginFailure, PACReasonFetch},
		{errWinHTTPSecureFailure, PACReasonFetch},
		{context.Canceled, PACReasonFetch},
		{errWinHTTPBadAutoProxyScript, PACReasonScript},
		{errWinHTTPAutoProxyServiceErr, PACReasonScript},
		{syscall.Errno(14007), PACReasonScript}, // Wine's report of a script error
		{errPACTooLong, PACReasonScript},
	}
	for _, tt := range tests {
		if got := winhttpReason(tt.err); got != tt.want {
			t.Errorf("winhttpReason(%v) = %s, want %s", tt.err, got, tt.want)
		}
	}
}

// WinHttpGetProxyForUrl cannot be interrupted: a call that does not end
// (a script that loops) is given up on after winhttpDeadline, and a
// cancelled context returns at once.
func TestAWinHTTPCallThatDoesNotEndIsGivenUpOn(t *testing.T) {
	release := make(chan struct{})
	oldCall, oldDeadline := winhttpGetProxy, winhttpDeadline
	winhttpGetProxy = func(string, string) (string, error) { <-release; return "DIRECT", nil }
	winhttpDeadline = 100 * time.Millisecond
	t.Cleanup(func() { close(release); winhttpGetProxy, winhttpDeadline = oldCall, oldDeadline })

	target, _ := url.Parse(sfURL)
	n, _ := New(Settings{PAC: "http://pac.corp.example/proxy.pac"}, "", Options{Getenv: env(nil)})
	start := time.Now()
	_, err := n.Choose(context.Background(), target)
	var pe *PACError
	if !errors.As(err, &pe) || pe.Reason != PACReasonScript || !errors.Is(err, errPACTooLong) {
		t.Errorf("err = %v, want a script PACError (too long)", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("gave up after %v", d)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = n.Choose(ctx, target)
	if !errors.As(err, &pe) || pe.Reason != PACReasonFetch || !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err = %v, want a fetch PACError (canceled)", err)
	}
}

// A file URL is served to WinHTTP on loopback under a random path only,
// and no longer once the call is over.
func TestAPACFileIsServedToWinHTTPUnderARandomPathOnly(t *testing.T) {
	u, _ := url.Parse(fileURL(writePACFile(t, "function FindProxyForURL(u, h) { return 'DIRECT'; }")))
	served, stop, err := servePACFile(u)
	if err != nil {
		t.Fatal(err)
	}
	get := func(raw string) (int, string, error) {
		resp, err := http.Get(raw)
		if err != nil {
			return 0, "", err
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b), nil
	}
	if code, body, err := get(served); err != nil || code != 200 || body != "function FindProxyForURL(u, h) { return 'DIRECT'; }" {
		t.Errorf("GET %s = %d %q, %v", served, code, body, err)
	}
	other, _ := url.Parse(served)
	other.Path = "/proxy.pac"
	if code, _, err := get(other.String()); err != nil || code != 404 {
		t.Errorf("GET %s = %d, %v; want 404", other, code, err)
	}
	stop()
	if _, _, err := get(served); err == nil {
		t.Errorf("still served after stop")
	}
}

func TestAWPADAnswerGivesTheFirstUsableProxy(t *testing.T) {
	for answer, want := range map[string]string{
		"PROXY wpad-proxy.corp:8080; DIRECT": "wpad-proxy.corp:8080",
		"HTTPS tls.corp:443":                 "https://tls.corp:443",
		"DIRECT":                             "",
		"SOCKS s4.corp:1080":                 "",
	} {
		if got := wpadProxy(answer); got != want {
			t.Errorf("wpadProxy(%q) = %q, want %q", answer, got, want)
		}
	}
}
