package secrets

import (
	"os"
	"slices"
	"testing"
)

func TestChildEnvDropsOurVariables(t *testing.T) {
	in := []string{"PATH=/usr/bin", "SFCONNECT_CLIENT_SECRET=s3cr3t", "sfconnect_client_secret=lower",
		"SFCONNECT_LANG=ja", "SFCONNECTX=kept", "HOME=/home/a", "=C:=C:\\work", "LANG=ja_JP.UTF-8"}
	want := []string{"PATH=/usr/bin", "SFCONNECTX=kept", "HOME=/home/a", "=C:=C:\\work", "LANG=ja_JP.UTF-8"}
	if got := ChildEnv(in); !slices.Equal(got, want) {
		t.Errorf("ChildEnv = %q\nwant %q", got, want)
	}
}

func TestTakeEnvRemovesTheVariable(t *testing.T) {
	t.Setenv(EnvClientSecret, "from-env")
	if got := TakeEnv(EnvClientSecret); got != "from-env" {
		t.Errorf("TakeEnv = %q", got)
	}
	if _, ok := os.LookupEnv(EnvClientSecret); ok {
		t.Error("the variable is still set")
	}
	if slices.ContainsFunc(os.Environ(), func(kv string) bool { return kv == EnvClientSecret+"=from-env" }) {
		t.Error("os.Environ still lists it")
	}
}
