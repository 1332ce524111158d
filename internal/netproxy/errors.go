package netproxy

import (
	"fmt"
	"slices"
	"strings"
)

// SystemError means the system proxy setting could not be understood.
type SystemError struct{ Server string }

func (e *SystemError) Error() string               { return "unreadable system proxy setting " + e.Server }
func (e *SystemError) MessageKey() string          { return "app.err.proxy" }
func (e *SystemError) MessageArgs() map[string]any { return map[string]any{"Server": e.Server} }

// SettingError means a proxy or PAC setting is not a usable URL. Field is
// "proxy", "pac", "env" (a malformed HTTPS_PROXY) or "proxy_userinfo" (a
// user or password inside the proxy setting). Value never holds a password.
type SettingError struct {
	Field, Value string
	Err          error
}

func (e *SettingError) Error() string { return fmt.Sprintf("unusable %s setting %q", e.Field, e.Value) }

// Unwrap returns the parse error, if any.
func (e *SettingError) Unwrap() error { return e.Err }

// MessageKey names the setting that is wrong.
func (e *SettingError) MessageKey() string {
	switch e.Field {
	case "pac":
		return "app.net.err.pac_url"
	case "env":
		return "app.net.err.env_proxy"
	case "proxy_userinfo":
		return "app.net.err.proxy_userinfo"
	}
	return "app.net.err.proxy_url"
}

// MessageArgs returns the value as entered (without a password).
func (e *SettingError) MessageArgs() map[string]any { return map[string]any{"Value": e.Value} }

// CAFileError means the extra CA file could not be used. Reason is "read"
// (missing, unreadable), "invalid" (a certificate does not parse) or
// "no_certs" (no certificate in it).
type CAFileError struct {
	Path, Reason string
	Err          error
}

func (e *CAFileError) Error() string {
	return fmt.Sprintf("CA file %s: %s: %v", e.Path, e.Reason, e.Err)
}

// Unwrap returns the cause.
func (e *CAFileError) Unwrap() error { return e.Err }

// MessageKey names the reason.
func (e *CAFileError) MessageKey() string {
	if e.Reason == "read" {
		return "app.net.err.ca_file_read"
	}
	return "app.net.err.ca_file_invalid"
}

// MessageArgs returns the path.
func (e *CAFileError) MessageArgs() map[string]any { return map[string]any{"Path": e.Path} }

// Reasons a PAC file failed (PACError.Reason).
const (
	PACReasonFetch  = "fetch"  // could not be downloaded
	PACReasonScript = "script" // the JavaScript failed or has no FindProxyForURL
	PACReasonResult = "result" // the answer names no proxy Go can use
)

// PACError means a PAC file could not give an answer.
type PACError struct {
	URL, Reason, Result string
	Err                 error
}

func (e *PACError) Error() string {
	return fmt.Sprintf("PAC file %s: %s: %v", e.URL, e.Reason, e.Err)
}

// Unwrap returns the cause.
func (e *PACError) Unwrap() error { return e.Err }

// MessageKey names the reason.
func (e *PACError) MessageKey() string {
	switch e.Reason {
	case PACReasonFetch:
		return "app.net.err.pac_fetch"
	case PACReasonResult:
		return "app.net.err.pac_result"
	}
	return "app.net.err.pac_script"
}

// MessageArgs returns the PAC URL and its answer.
func (e *PACError) MessageArgs() map[string]any {
	return map[string]any{"URL": e.URL, "Result": e.Result}
}

// ProxyError is a proxy's refusal to open the tunnel to Salesforce: its
// answer to CONNECT was not 200.
type ProxyError struct {
	Proxy     string   // host:port of the proxy
	Status    int      // 407 (authentication), 403 (policy), 502 (cannot reach), ...
	Schemes   []string // for 407: the Proxy-Authenticate schemes offered, e.g. "Basic", "Negotiate"
	SentBasic bool     // credentials were sent with the request
}

func (e *ProxyError) Error() string {
	return fmt.Sprintf("proxy %s refused the tunnel: HTTP %d %v", e.Proxy, e.Status, e.Schemes)
}

// AuthRequired reports a 407.
func (e *ProxyError) AuthRequired() bool { return e.Status == 407 }

// OffersBasic reports whether the proxy accepts Basic authentication, the
// only scheme sfconnect speaks (see docs/NETWORK.md for Negotiate/NTLM).
func (e *ProxyError) OffersBasic() bool {
	return slices.ContainsFunc(e.Schemes, func(s string) bool { return strings.EqualFold(s, "basic") })
}

// MessageKey tells the kinds of refusal apart.
func (e *ProxyError) MessageKey() string {
	switch {
	case e.Status == 502 || e.Status == 503 || e.Status == 504:
		return "app.net.err.proxy_upstream"
	case !e.AuthRequired():
		return "app.net.err.proxy_refused"
	case !e.OffersBasic():
		return "app.net.err.proxy_auth_unsupported"
	case e.SentBasic:
		return "app.net.err.proxy_auth_rejected"
	}
	return "app.net.err.proxy_auth_required"
}

// MessageArgs returns the proxy, the status and the offered schemes.
func (e *ProxyError) MessageArgs() map[string]any {
	return map[string]any{"Proxy": e.Proxy, "Status": e.Status, "Schemes": strings.Join(e.Schemes, ", ")}
}

// TLSError explains why Salesforce's certificate was not accepted.
type TLSError struct {
	Host    string // the server asked for
	Reason  string // TLSUntrusted, TLSName, TLSExpired, TLSOther
	Issuer  string // who issued the certificate that was presented
	Subject string // whom it names
	Err     error
}

func (e *TLSError) Error() string {
	return fmt.Sprintf("certificate of %s not accepted (%s, issuer %q): %v", e.Host, e.Reason, e.Issuer, e.Err)
}

// Unwrap returns the verification error.
func (e *TLSError) Unwrap() error { return e.Err }

// MessageKey names the reason.
func (e *TLSError) MessageKey() string {
	switch e.Reason {
	case TLSUntrusted:
		return "app.net.err.tls_untrusted"
	case TLSName:
		return "app.net.err.tls_name"
	case TLSExpired:
		return "app.net.err.tls_expired"
	}
	return "app.net.err.tls_other"
}

// MessageArgs returns the host, issuer and subject.
func (e *TLSError) MessageArgs() map[string]any {
	return map[string]any{"Host": e.Host, "Issuer": e.Issuer, "Subject": e.Subject}
}
