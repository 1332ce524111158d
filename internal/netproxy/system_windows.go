//go:build windows

package netproxy

import "golang.org/x/sys/windows/registry"

// System reads the current user's proxy from Internet Options. A PAC script
// (AutoConfigURL) is not evaluated; such networks need HTTPS_PROXY.
func System() Settings {
	k, err := registry.OpenKey(registry.CURRENT_USER,
		`Software\Microsoft\Windows\CurrentVersion\Internet Settings`, registry.QUERY_VALUE)
	if err != nil {
		return Settings{}
	}
	defer k.Close()
	var s Settings
	if v, _, err := k.GetIntegerValue("ProxyEnable"); err == nil {
		s.Enabled = v != 0
	}
	s.Server, _, _ = k.GetStringValue("ProxyServer")
	s.Override, _, _ = k.GetStringValue("ProxyOverride")
	return s
}
