//go:build windows

package secrets

import (
	"strings"

	"github.com/danieljoos/wincred"
)

// listAccounts enumerates Credential Manager's generic credentials named
// "<service>:<account>", the target name go-keyring writes
// (keyring_windows.go credName), with CredEnumerate's filter.
func listAccounts(service string) ([]string, error) {
	creds, err := wincred.FilteredList(service + ":*")
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(creds))
	for _, c := range creds {
		if acc, ok := strings.CutPrefix(c.TargetName, service+":"); ok && acc != "" {
			out = append(out, acc)
		}
	}
	return out, nil
}
