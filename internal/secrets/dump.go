package secrets

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"strconv"
	"strings"
)

// parseDump returns the accounts of the generic-password items ("genp") of
// service in the text `security dump-keychain` prints on macOS. Each item
// starts with a `keychain: "..."` line, then `class: "genp"` and its
// attributes, one per line, such as
//
//	"acct"<blob>="acme:client_secret"
//	"svce"<blob>="sfconnect"
//	"acct"<blob>=0x E6...  "\346..."     (bytes that are not printable ASCII)
//	"acct"<blob>=<NULL>
//
// (the format shown by Apple's security(1) and parsed by the tools that list
// keychain items without -d). Hex, when present, is what the bytes are.
func parseDump(out []byte, service string) []string {
	var accounts []string
	var class, svce, acct string
	var hasAcct bool
	flush := func() {
		if class == "genp" && svce == service && hasAcct && acct != "" {
			accounts = append(accounts, acct)
		}
		class, svce, acct, hasAcct = "", "", "", false
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "keychain: "):
			flush()
		case strings.HasPrefix(line, "class: "):
			class, _ = strconv.Unquote(strings.TrimPrefix(line, "class: "))
		case strings.HasPrefix(line, `"svce"<blob>=`):
			svce, _ = dumpValue(strings.TrimPrefix(line, `"svce"<blob>=`))
		case strings.HasPrefix(line, `"acct"<blob>=`):
			acct, hasAcct = dumpValue(strings.TrimPrefix(line, `"acct"<blob>=`))
		}
	}
	flush()
	return accounts
}

// dumpValue decodes one attribute value: 0x<hex> (with or without a quoted
// rendering after it), a quoted string with C escapes, or <NULL>.
func dumpValue(v string) (string, bool) {
	if rest, ok := strings.CutPrefix(v, "0x"); ok {
		digits, _, _ := strings.Cut(rest, " ")
		b, err := hex.DecodeString(digits)
		return string(b), err == nil
	}
	if !strings.HasPrefix(v, `"`) || !strings.HasSuffix(v, `"`) || len(v) < 2 {
		return "", false
	}
	return unescapeC(v[1 : len(v)-1]), true
}

// unescapeC reads the octal (\346) and single-character (\", \\) escapes
// security(1) writes in quoted values.
func unescapeC(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		if i+3 < len(s) && isOctal(s[i+1]) && isOctal(s[i+2]) && isOctal(s[i+3]) {
			n, _ := strconv.ParseUint(s[i+1:i+4], 8, 8)
			b.WriteByte(byte(n))
			i += 3
			continue
		}
		b.WriteByte(s[i+1])
		i++
	}
	return b.String()
}

func isOctal(c byte) bool { return c >= '0' && c <= '7' }
