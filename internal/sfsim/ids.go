package sfsim

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"strings"
)

// tokenAlphabet is what Salesforce access and refresh tokens are made of:
// letters, digits, "." and "_" (64 symbols, so one random byte & 63 is unbiased).
const tokenAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._"

// idAlphabet is the base-62 alphabet of Salesforce record IDs.
const idAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// randomString draws n symbols from alphabet with crypto/rand.
func randomString(alphabet string, n int) string {
	buf := make([]byte, n)
	out := make([]byte, 0, n)
	for len(out) < n {
		rand.Read(buf) // never fails since Go 1.24
		for _, b := range buf {
			// Rejection sampling keeps the draw uniform for any alphabet size.
			if limit := 256 - 256%len(alphabet); int(b) >= limit {
				continue
			}
			out = append(out, alphabet[int(b)%len(alphabet)])
			if len(out) == n {
				break
			}
		}
	}
	return string(out)
}

// newAuthCode returns a code shaped like Salesforce's: "aPrx" followed by
// standard base64 (with "+" and "/") of random bytes, ending in "==". It always
// contains "+" and "/" so that callers that decode the callback twice, or not
// at all, fail against the simulator just as they would against Salesforce.
func newAuthCode() string {
	raw := make([]byte, 64) // 64 % 3 == 1, so the encoding ends in "=="
	for {
		rand.Read(raw)
		enc := base64.StdEncoding.EncodeToString(raw)
		if strings.ContainsRune(enc, '+') && strings.ContainsRune(enc, '/') {
			return "aPrx" + enc
		}
	}
}

// newAccessToken returns a token shaped like a Salesforce session ID: the
// 15-char org ID, "!", then opaque symbols.
func newAccessToken(orgID string) string {
	return shortID(orgID) + "!AQ" + randomString(tokenAlphabet, 96)
}

// newRefreshToken returns an 87-char token with Salesforce's "5Aep861" prefix.
func newRefreshToken() string {
	return "5Aep861" + randomString(tokenAlphabet, 80)
}

// newFormToken returns the one-time token that ties a consent form to the
// authorize request it was shown for.
func newFormToken() string {
	return randomString(idAlphabet, 40)
}

// NewSalesforceID returns a random 18-char record ID with the given 3-char key
// prefix ("00D" org, "005" user) and a correct case-safe checksum suffix.
func NewSalesforceID(prefix string) string {
	id15 := prefix + "0000" + randomString(idAlphabet, 15-len(prefix)-4)
	return id15 + idChecksum(id15)
}

// idChecksum computes the 3-char suffix that turns a 15-char case-sensitive
// Salesforce ID into its 18-char case-insensitive form: for each 5-char chunk,
// a bit per upper-case letter, indexing "A..Z0..5".
func idChecksum(id15 string) string {
	const table = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"
	var out [3]byte
	for chunk := range 3 {
		n := 0
		for i := range 5 {
			if c := id15[chunk*5+i]; c >= 'A' && c <= 'Z' {
				n |= 1 << i
			}
		}
		out[chunk] = table[n]
	}
	return string(out[:])
}

// shortID returns the 15-char form of an 18-char ID (unchanged otherwise).
func shortID(id string) string {
	if len(id) == 18 {
		return id[:15]
	}
	return id
}

// s256 is the PKCE S256 transform: BASE64URL(SHA256(verifier)) without padding.
func s256(verifier string) string {
	sum := sha256.Sum256([]byte(verifier))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

// validVerifier reports whether v is a syntactically valid PKCE verifier:
// unreserved characters, at least 43 (RFC 7636 section 4.1). RFC 7636 also
// caps it at 128, but Salesforce accepts longer ones: the Salesforce CLI
// signs in to real orgs with 171 (jsforce 3.12 lib/oauth2.js, base64url of
// 128 random bytes; sfdx-core src/webOAuthServer.ts turns PKCE on).
func validVerifier(v string) bool {
	if len(v) < 43 {
		return false
	}
	for _, c := range []byte(v) {
		ok := c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' ||
			c == '-' || c == '.' || c == '_' || c == '~'
		if !ok {
			return false
		}
	}
	return true
}

// validChallenge reports whether c can be an S256 challenge: 43 base64url chars.
func validChallenge(c string) bool {
	if len(c) != 43 {
		return false
	}
	_, err := base64.RawURLEncoding.DecodeString(c)
	return err == nil
}
