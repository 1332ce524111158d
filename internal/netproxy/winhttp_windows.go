//go:build windows

package netproxy

import (
	"errors"
	"strings"
	"syscall"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"
)

// The WinHTTP calls that run a PAC file the way Windows does: the script is
// downloaded and run by WinHttpGetProxyForUrl (Microsoft's "WinHTTP
// AutoProxy Functions"), with the JScript engine Windows uses for Internet
// Options' automatic configuration. x/sys/windows has no WinHTTP bindings,
// so the few functions are loaded here from the system directory.
var (
	winhttp                 = windows.NewLazySystemDLL("winhttp.dll")
	procWinHttpOpen         = winhttp.NewProc("WinHttpOpen")
	procWinHttpSetTimeouts  = winhttp.NewProc("WinHttpSetTimeouts")
	procWinHttpGetProxyFor  = winhttp.NewProc("WinHttpGetProxyForUrl")
	procWinHttpCloseHandle  = winhttp.NewProc("WinHttpCloseHandle")
	procGlobalFree          = windows.NewLazySystemDLL("kernel32.dll").NewProc("GlobalFree")
	winhttpUserAgent, _     = windows.UTF16PtrFromString("sfconnect")
	errWinHTTPNoProxyResult = errors.New("WinHTTP returned no proxy information")
)

// Values from winhttp.h.
const (
	winhttpAccessTypeNoProxy    = 1
	winhttpAccessTypeNamedProxy = 3
	winhttpAutoproxyAutoDetect  = 0x1
	winhttpAutoproxyConfigURL   = 0x2
	winhttpAutoDetectTypeDHCP   = 0x1
	winhttpAutoDetectTypeDNSA   = 0x2
)

// WinHTTP's error codes (winhttp.h, ERROR_WINHTTP_*) that say which part of
// the automatic configuration failed.
const (
	errWinHTTPTimeout             syscall.Errno = 12002
	errWinHTTPInvalidURL          syscall.Errno = 12005
	errWinHTTPUnrecognizedScheme  syscall.Errno = 12006
	errWinHTTPNameNotResolved     syscall.Errno = 12007
	errWinHTTPLoginFailure        syscall.Errno = 12015
	errWinHTTPCannotConnect       syscall.Errno = 12029
	errWinHTTPConnectionError     syscall.Errno = 12030
	errWinHTTPBadAutoProxyScript  syscall.Errno = 12166
	errWinHTTPUnableToDownload    syscall.Errno = 12167
	errWinHTTPSecureFailure       syscall.Errno = 12175
	errWinHTTPAutoProxyServiceErr syscall.Errno = 12178
	errWinHTTPAutodetectionFailed syscall.Errno = 12180
)

// winhttpAutoproxyOptions is WINHTTP_AUTOPROXY_OPTIONS.
type winhttpAutoproxyOptions struct {
	flags                 uint32
	autoDetectFlags       uint32
	autoConfigURL         *uint16
	reserved              uintptr
	reservedFlags         uint32
	autoLogonIfChallenged int32
}

// winhttpProxyInfo is WINHTTP_PROXY_INFO; its strings are GlobalAlloc'ed.
type winhttpProxyInfo struct {
	accessType uint32
	proxy      *uint16
	bypass     *uint16
}

// winhttpGetProxyForURL runs the automatic configuration for target: the
// PAC file at pacURL, or WPAD discovery (DHCP, then DNS) when pacURL is "".
// It returns WinHTTP's answer rewritten in PAC syntax ("PROXY a:1; DIRECT",
// "DIRECT"). It blocks until WinHTTP returns: callers run it on a goroutine
// of its own.
func winhttpGetProxyForURL(pacURL, target string) (string, error) {
	// A missing function would make Call panic: ask first.
	for _, p := range []*windows.LazyProc{procWinHttpOpen, procWinHttpSetTimeouts, procWinHttpGetProxyFor, procWinHttpCloseHandle, procGlobalFree} {
		if err := p.Find(); err != nil {
			return "", err
		}
	}
	targetW, err := windows.UTF16PtrFromString(target)
	if err != nil {
		return "", err
	}
	opts := winhttpAutoproxyOptions{}
	if pacURL == "" {
		opts.flags = winhttpAutoproxyAutoDetect
		opts.autoDetectFlags = winhttpAutoDetectTypeDHCP | winhttpAutoDetectTypeDNSA
	} else {
		opts.flags = winhttpAutoproxyConfigURL
		if opts.autoConfigURL, err = windows.UTF16PtrFromString(pacURL); err != nil {
			return "", err
		}
	}
	// The script is fetched directly (a proxy cannot be asked where the
	// proxy is), as Microsoft's AutoProxy example opens its session.
	session, _, err := procWinHttpOpen.Call(uintptr(unsafe.Pointer(winhttpUserAgent)), winhttpAccessTypeNoProxy, 0, 0, 0)
	if session == 0 {
		return "", err
	}
	defer procWinHttpCloseHandle.Call(session) //nolint:errcheck // nothing to do about a failed close
	// Each phase of the download (name resolution, connect, send,
	// receive) within pacFetchTimeout, as goja's path fetches. Wine's
	// WinHTTP downloads with a session of its own and its own timeouts;
	// winhttpAnswer's deadline covers both.
	ms := uintptr(pacFetchTimeout / time.Millisecond)
	procWinHttpSetTimeouts.Call(session, ms, ms, ms, ms) //nolint:errcheck // the defaults are a fallback

	// A server of the script that asks for Windows authentication
	// (NTLM, Negotiate), as intranet servers may, gets the user's logon
	// credentials (fAutoLogonIfChallenged), as go-ieproxy's call asks too.
	opts.autoLogonIfChallenged = 1
	return winhttpCall(session, targetW, &opts)
}

// winhttpCall makes one WinHttpGetProxyForUrl call and frees its strings.
func winhttpCall(session uintptr, target *uint16, opts *winhttpAutoproxyOptions) (string, error) {
	var info winhttpProxyInfo
	ok, _, err := procWinHttpGetProxyFor.Call(session, uintptr(unsafe.Pointer(target)),
		uintptr(unsafe.Pointer(opts)), uintptr(unsafe.Pointer(&info)))
	answer := proxyInfoAnswer(info.accessType, windows.UTF16PtrToString(info.proxy))
	for _, p := range []*uint16{info.proxy, info.bypass} {
		if p != nil {
			procGlobalFree.Call(uintptr(unsafe.Pointer(p))) //nolint:errcheck // freeing
		}
	}
	if ok == 0 {
		if errno, isErrno := err.(syscall.Errno); isErrno && errno != 0 {
			return "", errno
		}
		return "", errWinHTTPNoProxyResult
	}
	return answer, nil
}

// proxyInfoAnswer rewrites WINHTTP_PROXY_INFO in PAC syntax: "DIRECT" for
// WINHTTP_ACCESS_TYPE_NO_PROXY, else the proxy list ("a:1;b:2", entries
// may carry a scheme, "https://a:443") as "PROXY a:1; PROXY b:2".
func proxyInfoAnswer(accessType uint32, list string) string {
	if accessType != winhttpAccessTypeNamedProxy {
		return "DIRECT"
	}
	var out []string
	for _, e := range strings.FieldsFunc(list, func(r rune) bool { return r == ';' || r == ' ' || r == '\t' }) {
		scheme, hostport, ok := strings.Cut(e, "://")
		switch {
		case strings.EqualFold(e, "DIRECT"):
			out = append(out, "DIRECT")
		case !ok:
			out = append(out, "PROXY "+e)
		case strings.EqualFold(scheme, "https"):
			out = append(out, "HTTPS "+hostport)
		case strings.EqualFold(scheme, "socks5"):
			out = append(out, "SOCKS5 "+hostport)
		case strings.EqualFold(scheme, "socks"):
			out = append(out, "SOCKS "+hostport)
		default:
			out = append(out, "PROXY "+hostport)
		}
	}
	if len(out) == 0 {
		return "DIRECT"
	}
	return strings.Join(out, "; ")
}
