//go:build !windows

package netproxy

import "github.com/mattn/go-ieproxy"

// wpad asks go-ieproxy to discover and run the WPAD script: CFNetwork on
// macOS (cgo builds); nothing elsewhere.
func wpad(auto ieproxy.ProxyScriptConf) func(target string) string {
	return func(target string) string { return auto.FindProxyForURL(target) }
}
