//go:build !windows

package netproxy

// System returns no settings: on macOS and Linux sfconnect follows the
// HTTPS_PROXY/NO_PROXY environment, as command-line tools there do.
func System() Settings { return Settings{} }
