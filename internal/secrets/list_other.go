//go:build !linux && !freebsd && !openbsd && !netbsd && !dragonfly && !windows && !darwin

package secrets

func listAccounts(string) ([]string, error) { return nil, ErrListUnsupported }
