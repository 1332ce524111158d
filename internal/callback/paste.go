package callback

import (
	"net/url"
	"strings"
	"unicode"
)

// ParsePasted reads an authorization response the user copied from the
// browser's address bar, for when the loopback listener could not receive it.
//
// Accepted forms, after trimming whitespace and surrounding quotes:
//   - the full redirected URL: http://localhost/?code=aPrx%3D%3D&state=...
//     (also without the scheme: localhost/?code=...);
//   - its query: ?code=...&state=... or code=...&state=...;
//   - a bare code, escaped (aPrx...%3D%3D) or already decoded (aPrx...==).
//
// Everything is decoded exactly once: a query by url.ParseQuery, an escaped
// bare code by one unescape; a bare code without '%' is kept as is.
// A URL or query must carry the expected state (constant-time compare):
// a wrong one is ErrStateMismatch, a missing one *PasteError "no_state".
// Only a bare code is accepted without a state. An error= response yields a
// Result with Error set and a nil error, as the listener does.
func ParsePasted(input, expectedState string) (Result, error) {
	s := trimPasted(input)
	if s == "" {
		return Result{}, &PasteError{Reason: "empty"}
	}
	if i := strings.IndexByte(s, '?'); i >= 0 {
		raw := s[i+1:]
		if j := strings.IndexByte(raw, '#'); j >= 0 {
			raw = raw[:j]
		}
		missing := "no_code"
		if i > 0 { // something before '?': a URL, not a query
			missing = "not_a_callback_url"
		}
		return parsePastedQuery(raw, expectedState, missing)
	}
	if strings.Contains(s, "://") {
		return Result{}, &PasteError{Reason: "not_a_callback_url"}
	}
	if looksLikeQuery(s) {
		return parsePastedQuery(s, expectedState, "no_code")
	}
	return parseBareCode(s)
}

// trimPasted removes whitespace and one or more layers of matching quotes
// or angle brackets that chat tools and terminals add around a URL.
func trimPasted(s string) string {
	pairs := [][2]string{{`"`, `"`}, {`'`, `'`}, {"`", "`"}, {"<", ">"}, {"“", "”"}, {"「", "」"}}
	for {
		s = strings.TrimSpace(s)
		trimmed := false
		for _, p := range pairs {
			if len(s) >= len(p[0])+len(p[1]) && strings.HasPrefix(s, p[0]) && strings.HasSuffix(s, p[1]) {
				s = s[len(p[0]) : len(s)-len(p[1])]
				trimmed = true
				break
			}
		}
		if !trimmed {
			return s
		}
	}
}

// looksLikeQuery tells a query ("code=...&state=...") from a bare code. A
// code is base64-like: '=' appears only as trailing padding, never '&'.
func looksLikeQuery(s string) bool {
	return strings.Contains(s, "&") || strings.Contains(strings.TrimRight(s, "="), "=")
}

func parsePastedQuery(raw, expectedState, missing string) (Result, error) {
	q, err := url.ParseQuery(raw)
	if err != nil {
		return Result{}, &PasteError{Reason: "malformed"}
	}
	for _, k := range []string{"code", "state", "error", "error_description"} {
		if len(q[k]) > 1 {
			return Result{}, &PasteError{Reason: "malformed"}
		}
	}
	code, errCode := q.Get("code"), q.Get("error")
	if code == "" && errCode == "" {
		return Result{}, &PasteError{Reason: missing}
	}
	if !q.Has("state") {
		return Result{}, &PasteError{Reason: "no_state"}
	}
	if !stateMatches(q.Get("state"), expectedState) {
		return Result{}, ErrStateMismatch
	}
	if errCode != "" {
		return Result{Error: errCode, ErrorDescription: q.Get("error_description")}, nil
	}
	return Result{Code: code}, nil
}

func parseBareCode(s string) (Result, error) {
	if strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0 {
		return Result{}, &PasteError{Reason: "no_code"}
	}
	if !strings.Contains(s, "%") {
		return Result{Code: s}, nil
	}
	// PathUnescape, not QueryUnescape: a '+' in a bare code is a base64
	// character the user already has in clear, not an encoded space.
	code, err := url.PathUnescape(s)
	if err != nil {
		return Result{}, &PasteError{Reason: "malformed"}
	}
	if code == "" || strings.IndexFunc(code, unicode.IsControl) >= 0 {
		return Result{}, &PasteError{Reason: "no_code"}
	}
	return Result{Code: code}, nil
}
