package secrets

import (
	"context"
	"errors"
	"fmt"
	"os"
	"reflect"
	"testing"
	"time"
)

// A dump as `security dump-keychain` prints it: sfconnect's items (one with
// a Japanese profile name, printed as hex), another service's item, an
// internet password and an item without an account.
const sampleDump = `keychain: "/Users/admin/Library/Keychains/login.keychain-db"
version: 512
class: "genp"
attributes:
    0x00000007 <blob>="sfconnect"
    0x00000008 <blob>=<NULL>
    "acct"<blob>="acme:client_secret"
    "cdat"<timedate>=0x32303235303630313039333030305A00  "20250601093000Z\000"
    "svce"<blob>="sfconnect"
keychain: "/Users/admin/Library/Keychains/login.keychain-db"
version: 512
class: "genp"
attributes:
    "acct"<blob>=0xE69CACE795AA3A726566726573685F746F6B656E  "\346\234\254\347\225\252:refresh_token"
    "svce"<blob>="sfconnect"
keychain: "/Users/admin/Library/Keychains/login.keychain-db"
class: "genp"
attributes:
    "acct"<blob>="it\"s:client_secret"
    "svce"<blob>="sfconnect"
keychain: "/Users/admin/Library/Keychains/login.keychain-db"
class: "genp"
attributes:
    "acct"<blob>="someone"
    "svce"<blob>="Chrome Safe Storage"
keychain: "/Users/admin/Library/Keychains/login.keychain-db"
class: "inet"
attributes:
    "acct"<blob>="acme:client_secret"
    "srvr"<blob>="sfconnect"
    "svce"<blob>="sfconnect"
keychain: "/Users/admin/Library/Keychains/login.keychain-db"
class: "genp"
attributes:
    "acct"<blob>=<NULL>
    "svce"<blob>="sfconnect"
`

func TestParseDumpFindsTheServicesGenericPasswords(t *testing.T) {
	got := parseDump([]byte(sampleDump), "sfconnect")
	want := []string{"acme:client_secret", "本番:refresh_token", `it"s:client_secret`}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("parseDump = %q, want %q", got, want)
	}
	if got := parseDump([]byte(sampleDump), "sfconnect-test"); len(got) != 0 {
		t.Errorf("another service listed %q", got)
	}
}

func TestProfileOf(t *testing.T) {
	for acc, want := range map[string]string{
		"acme:client_secret":         "acme",
		"Acme Prod 本番:refresh_token": "Acme Prod 本番",
		"a:b:refresh_token":          "a:b",
		"proxy/alice":                "",
		":client_secret":             "",
		"acme:password":              "",
	} {
		got, ok := ProfileOf(acc)
		if got != want || ok != (want != "") {
			t.Errorf("ProfileOf(%q) = %q, %v; want %q", acc, got, ok, want)
		}
	}
}

// listFake is a backend that can also list, to test Keyring.List's timeout
// and error mapping without an OS keychain.
type listFake struct {
	fakeBackend
	names []string
}

func (f *listFake) List(string) ([]string, error) { return f.names, f.wait() }

func TestKeyringListSortsAndTimesOut(t *testing.T) {
	fake := &listFake{names: []string{"b:refresh_token", "a:client_secret"}}
	k := &Keyring{service: "s", timeout: time.Minute, kr: fake}
	got, err := k.List(context.Background())
	if err != nil || !reflect.DeepEqual(got, []string{"a:client_secret", "b:refresh_token"}) {
		t.Fatalf("List = %v, %v", got, err)
	}
	fake.block = make(chan struct{})
	defer close(fake.block)
	k.timeout = 10 * time.Millisecond
	if _, err := k.List(context.Background()); !errors.Is(err, ErrTimeout) {
		t.Errorf("a hung listing: err = %v, want ErrTimeout", err)
	}
	plain := &Keyring{service: "s", timeout: time.Minute, kr: &fakeBackend{}}
	if _, err := plain.List(context.Background()); !errors.Is(err, ErrListUnsupported) {
		t.Errorf("a backend without listing: err = %v", err)
	}
}

// TestRealSecretServiceList lists through the real Secret Service: exactly
// the accounts written under our service, not another service's.
//
//	scripts/with-keyring.sh go test -run TestRealSecretServiceList -v ./internal/secrets/
func TestRealSecretServiceList(t *testing.T) {
	if os.Getenv(realKeyringEnv) != "1" {
		t.Skip("set " + realKeyringEnv + "=1 to test the real keychain (scripts/with-keyring.sh does)")
	}
	ctx := context.Background()
	service := fmt.Sprintf("sfconnect-list-%d", os.Getpid())
	k := NewKeyring(service, 30*time.Second)
	other := NewKeyring(service+"-other", 30*time.Second)
	accounts := []string{Account("acme", ClientSecret), Account("本番 prod", RefreshToken)}
	t.Cleanup(func() {
		for _, a := range accounts {
			_ = k.Delete(context.Background(), a)
		}
		_ = other.Delete(context.Background(), "x:client_secret")
	})
	if got, err := k.List(ctx); err != nil || len(got) != 0 {
		t.Fatalf("List of an empty service = %v, %v", got, err)
	}
	for _, a := range accounts {
		if err := k.Set(ctx, a, "v-"+a); err != nil {
			t.Fatal(err)
		}
	}
	if err := other.Set(ctx, "x:client_secret", "v"); err != nil {
		t.Fatal(err)
	}
	got, err := k.List(ctx)
	if err != nil || !reflect.DeepEqual(got, accounts) {
		t.Fatalf("List = %q, %v; want %q", got, err, accounts)
	}
}

// parseDump reads what another program prints: it never panics and never
// returns an empty account.
func FuzzParseDump(f *testing.F) {
	f.Add([]byte(sampleDump))
	f.Add([]byte("keychain: \"x\"\nclass: \"genp\"\n\"acct\"<blob>=0xZZ\n\"svce\"<blob>=\"sfconnect\"\n"))
	f.Add([]byte("\"acct\"<blob>=\"\\\\\\\"\"\n\"svce\"<blob>=\"sfconnect\"\nclass: \"genp\""))
	f.Fuzz(func(t *testing.T, out []byte) {
		for _, a := range parseDump(out, "sfconnect") {
			if a == "" {
				t.Fatal("an empty account")
			}
		}
	})
}
