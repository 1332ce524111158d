//go:build windows

package netproxy

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"syscall"
	"time"
)

// On Windows a PAC file is run the way Windows runs Internet Options'
// automatic configuration script: by WinHTTP (winhttp_windows.go), which
// downloads it and runs it with its own JScript engine. No JavaScript
// engine is linked into the Windows binaries (docs/NETWORK.md).

// pacCache is empty on Windows: WinHTTP keeps what it needs itself (its
// auto-proxy service caches results; Wine caches the script), so every
// call asks it again.
type pacCache struct{}

// winhttpDeadline is how long a WinHTTP call may take in all: the download
// (WinHTTP's own timeouts stop it after pacFetchTimeout per phase) and the
// script. Past it the call is given up on and left to finish on its own.
// winhttpGetProxy is the call; both are variables for the tests.
var (
	winhttpDeadline = pacFetchTimeout + pacRunTimeout
	winhttpGetProxy = winhttpGetProxyForURL
)

// runPAC runs the PAC file at pacURL for target with WinHTTP and returns
// its answer in PAC syntax.
func (n *Network) runPAC(ctx context.Context, pacURL string, target *url.URL) (string, error) {
	if err := checkPACURL(pacURL); err != nil {
		return "", &PACError{URL: pacURL, Reason: PACReasonFetch, Err: err}
	}
	fetchURL := pacURL
	if u, _ := url.Parse(pacURL); u.Scheme == "file" {
		served, stop, err := servePACFile(u)
		if err != nil {
			return "", &PACError{URL: pacURL, Reason: PACReasonFetch, Err: err}
		}
		defer stop()
		fetchURL = served
	}
	result, err := winhttpAnswer(ctx, fetchURL, pacTarget(target))
	if err != nil {
		return "", &PACError{URL: pacURL, Reason: winhttpReason(err), Err: err}
	}
	return result, nil
}

// winhttpAnswer runs winhttpGetProxyForURL on a goroutine of its own, so
// that a cancelled ctx or a script that never ends does not hold the
// caller: WinHttpGetProxyForUrl cannot be interrupted.
func winhttpAnswer(ctx context.Context, pacURL, target string) (string, error) {
	type answer struct {
		result string
		err    error
	}
	done := make(chan answer, 1)
	go func() {
		r, err := winhttpGetProxy(pacURL, target)
		done <- answer{r, err}
	}()
	timer := time.NewTimer(winhttpDeadline)
	defer timer.Stop()
	select {
	case a := <-done:
		return a.result, a.err
	case <-ctx.Done():
		return "", ctx.Err()
	case <-timer.C:
		return "", errPACTooLong
	}
}

// errPACTooLong means WinHTTP gave no answer within winhttpDeadline: the
// download has its own timeouts, so the script is what did not end.
var errPACTooLong = errors.New("the script ran too long")

// winhttpReason maps WinHTTP's errors onto the reasons goja's path gives:
// the script could not be fetched, or it could not be run. Wine's WinHTTP
// reports a script error with whatever error code was last set (seen:
// 14007), so every code that is not about the download counts as a script
// error, as ERROR_WINHTTP_BAD_AUTO_PROXY_SCRIPT does on Windows.
func winhttpReason(err error) string {
	var errno syscall.Errno
	switch {
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return PACReasonFetch
	case !errors.As(err, &errno):
		return PACReasonScript
	}
	switch errno {
	case errWinHTTPUnableToDownload, errWinHTTPTimeout, errWinHTTPInvalidURL, errWinHTTPUnrecognizedScheme,
		errWinHTTPNameNotResolved, errWinHTTPLoginFailure, errWinHTTPCannotConnect, errWinHTTPConnectionError,
		errWinHTTPSecureFailure, errWinHTTPAutodetectionFailed:
		return PACReasonFetch
	}
	return PACReasonScript
}

// servePACFile makes a file URL something WinHTTP can fetch: it downloads
// PAC files over http and https only (ERROR_WINHTTP_UNRECOGNIZED_SCHEME for
// file://, as Edge and Chrome refuse them too), while sfconnect's setting
// accepts a file on every system. The file is read now and served once
// per request on loopback, under a random path, until stop is called.
func servePACFile(u *url.URL) (served string, stop func(), err error) {
	script, err := readPACFile(u)
	if err != nil {
		return "", nil, err
	}
	var token [16]byte
	if _, err := rand.Read(token[:]); err != nil {
		return "", nil, err
	}
	path := "/" + hex.EncodeToString(token[:]) + ".pac"
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, fmt.Errorf("serving the file to WinHTTP: %w", err)
	}
	srv := &http.Server{ReadHeaderTimeout: pacFetchTimeout, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != path {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/x-ns-proxy-autoconfig")
		_, _ = w.Write([]byte(script))
	})}
	go func() { _ = srv.Serve(ln) }()
	return "http://" + ln.Addr().String() + path, func() { _ = srv.Close() }, nil
}
