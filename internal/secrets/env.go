package secrets

import (
	"os"
	"strings"
)

// The environment variables from which the CLI takes a secret, for
// scripts (a flag would land in shell history and ps output).
const (
	EnvClientSecret  = "SFCONNECT_CLIENT_SECRET"  // the consumer secret
	EnvProxyPassword = "SFCONNECT_PROXY_PASSWORD" // the proxy user's password
)

// envPrefix marks sfconnect's own variables. None is needed by a browser or
// any other program sfconnect starts, and one of them holds a secret.
const envPrefix = "SFCONNECT_"

// TakeEnv returns the value of the environment variable name and removes it
// from this process's environment, so that no child process started later
// (the browser, macOS's security tool) inherits it.
//
// It cannot scrub what the operating system recorded at process start: on
// Linux /proc/<pid>/environ keeps the initial value, readable by the same
// user only (see SECURITY.md).
func TakeEnv(name string) string {
	v := os.Getenv(name)
	_ = os.Unsetenv(name)
	return v
}

// ChildEnv returns environ (as os.Environ gives it) without sfconnect's own
// variables, for starting a child process with an explicit environment.
// Names are compared case-insensitively, as Windows does.
func ChildEnv(environ []string) []string {
	out := make([]string, 0, len(environ))
	for _, kv := range environ {
		name, _, _ := strings.Cut(kv, "=")
		if len(name) >= len(envPrefix) && strings.EqualFold(name[:len(envPrefix)], envPrefix) {
			continue
		}
		out = append(out, kv)
	}
	return out
}
