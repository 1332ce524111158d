//go:build linux || freebsd || openbsd || netbsd || dragonfly

package secrets

import (
	ss "github.com/zalando/go-keyring/secret_service"
)

// listAccounts asks the Secret Service for the items go-keyring wrote for
// service: it stores each with the attributes {"service", "username"} in the
// default ("login") collection (go-keyring keyring_unix.go), so a search on
// "service" finds them all, and "username" is the account. Like go-keyring's
// own calls, it unlocks the collection first (a locked one prompts or fails).
func listAccounts(service string) ([]string, error) {
	svc, err := ss.NewSecretService()
	if err != nil {
		return nil, err
	}
	collection := svc.GetLoginCollection()
	if err := svc.Unlock(collection.Path()); err != nil {
		return nil, err
	}
	items, err := svc.SearchItems(collection, map[string]string{"service": service})
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(items))
	for _, item := range items {
		v, err := svc.Object("org.freedesktop.secrets", item).GetProperty("org.freedesktop.Secret.Item.Attributes")
		if err != nil {
			return nil, err
		}
		if attrs, ok := v.Value().(map[string]string); ok && attrs["service"] == service && attrs["username"] != "" {
			out = append(out, attrs["username"])
		}
	}
	return out, nil
}
