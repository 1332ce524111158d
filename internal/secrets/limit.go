package secrets

import (
	"regexp"
	"strings"
)

// The size rule, taken from github.com/zalando/go-keyring v0.2.8 (the version
// in go.mod), is the strictest of the platforms it supports. We apply it on
// every OS so that a secret accepted on a developer's Linux box is accepted on
// the admins' Windows and macOS machines too, and so the check runs before
// the keychain is touched.
//
//   - Windows (keyring_windows.go): the secret is stored as
//     wincred CredentialBlob = []byte(password), i.e. the UTF-8 bytes of the
//     Go string, not UTF-16. Credential Manager caps a generic credential's
//     blob at 2560 bytes (CRED_MAX_CREDENTIAL_BLOB_SIZE = 5*512), which
//     go-keyring enforces as len(password) > 2560 -> ErrSetDataTooBig.
//     So the Windows rule is: UTF-8 byte length <= 2560.
//   - macOS (keyring_darwin.go): go-keyring base64-encodes the secret with the
//     prefix "go-keyring-base64:" and writes the line
//     "add-generic-password -U -s <service> -a <account> -w <encoded>\n"
//     (service and account shell-quoted) to `security -i`; the line may not be
//     longer than 4096 bytes. Base64 needs no quoting, so the secret costs
//     18 + 4*ceil(n/3) bytes of that line. With the service "sfconnect" and a
//     short account this allows about 3000 bytes, so the Windows rule is the
//     binding one unless the account name is very long.
//   - Linux Secret Service: no fixed limit.

// WindowsBlobLimit is the largest secret, in UTF-8 bytes, that Windows
// Credential Manager stores through go-keyring.
const WindowsBlobLimit = 2560

// darwinLineLimit is go-keyring's limit on the `security -i` command line.
const darwinLineLimit = 4096

// darwinPrefix is what go-keyring puts before the base64 of the secret.
const darwinPrefix = "go-keyring-base64:"

// Limit returns the largest secret, in bytes of its UTF-8 encoding, that Set
// accepts for account under service: the smaller of the Windows blob limit and
// what fits into go-keyring's macOS command line.
func Limit(service, account string) int {
	fixed := len("add-generic-password -U -s ") + len(shellQuote(service)) +
		len(" -a ") + len(shellQuote(account)) + len(" -w ") + len(darwinPrefix) + len("\n")
	avail := darwinLineLimit - fixed
	if avail < 0 {
		return 0
	}
	darwin := 3 * (avail / 4) // base64: 4 output bytes per 3 input bytes
	return min(darwin, WindowsBlobLimit)
}

// unsafeShell matches go-keyring's internal/shellescape pattern.
var unsafeShell = regexp.MustCompile(`[^\w@%+=:,./-]`)

// shellQuote mirrors go-keyring's internal/shellescape.Quote so Limit counts
// exactly the bytes go-keyring will write.
func shellQuote(s string) string {
	if s == "" {
		return "''"
	}
	if unsafeShell.MatchString(s) {
		return "'" + strings.ReplaceAll(s, "'", `'"'"'`) + "'"
	}
	return s
}

// checkSize returns a *TooLargeError when secret is over Limit.
func checkSize(service, account, secret string) error {
	if limit := Limit(service, account); len(secret) > limit {
		return &TooLargeError{Account: account, Size: len(secret), Limit: limit}
	}
	return nil
}
