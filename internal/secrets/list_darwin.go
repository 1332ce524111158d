//go:build darwin

package secrets

import "os/exec"

// listAccounts reads the generic-password items of service from
// `security dump-keychain` without -d: attributes only, so no secret is
// decrypted and no access prompt is shown. go-keyring writes items with
// add-generic-password -s <service> -a <account> (keyring_darwin.go).
func listAccounts(service string) ([]string, error) {
	out, err := exec.Command("/usr/bin/security", "dump-keychain").Output()
	if err != nil {
		return nil, err
	}
	return parseDump(out, service), nil
}
