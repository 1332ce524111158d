package secrets

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/zalando/go-keyring"
)

// useMock installs go-keyring's process-global mock. It cannot be undone, so
// it is skipped when the same process is meant to test the real keychain.
func useMock(t *testing.T, err error) {
	t.Helper()
	if os.Getenv(realKeyringEnv) == "1" {
		t.Skip("skipped under " + realKeyringEnv + "=1: go-keyring's mock is process-global and would replace the real keychain under test")
	}
	if err != nil {
		keyring.MockInitWithError(err)
	} else {
		keyring.MockInit()
	}
}

func TestAccount(t *testing.T) {
	tests := []struct {
		profile string
		kind    Kind
		want    string
	}{
		{"acme", ClientSecret, "acme:client_secret"},
		{"acme", RefreshToken, "acme:refresh_token"},
		{"Acme Prod 本番", RefreshToken, "Acme Prod 本番:refresh_token"},
	}
	for _, tt := range tests {
		if got := Account(tt.profile, tt.kind); got != tt.want {
			t.Errorf("Account(%q, %q) = %q, want %q", tt.profile, tt.kind, got, tt.want)
		}
	}
}

func TestNewKeyringDefaults(t *testing.T) {
	k := NewKeyring("", 0)
	if k.service != "sfconnect" || k.timeout != 3*time.Second {
		t.Fatalf("defaults = %q, %s; want sfconnect, 3s", k.service, k.timeout)
	}
}

func TestKeyringMockRoundTrip(t *testing.T) {
	useMock(t, nil)
	ctx := context.Background()
	k := NewKeyring("sfconnect-test", 0)
	acct := Account("acme", RefreshToken)

	assertRoundTrip(t, ctx, k, acct, "first", "second 秘密")
}

// assertRoundTrip is the Store contract every keychain must keep: absent,
// set and read back (twice, so overwrite works), delete, absent again, and
// a second delete reports ErrNotFound.
func assertRoundTrip(t *testing.T, ctx context.Context, k Store, acct string, values ...string) {
	t.Helper()
	if _, err := k.Get(ctx, acct); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Get before Set: err = %v, want ErrNotFound", err)
	}
	for _, secret := range values {
		if err := k.Set(ctx, acct, secret); err != nil {
			t.Fatalf("Set: %v", err)
		}
		got, err := k.Get(ctx, acct)
		if err != nil || got != secret {
			t.Fatalf("Get = %q, %v; want %q", got, err, secret)
		}
	}
	if err := k.Delete(ctx, acct); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if _, err := k.Get(ctx, acct); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Get after Delete: err = %v, want ErrNotFound", err)
	}
	if err := k.Delete(ctx, acct); !errors.Is(err, ErrNotFound) {
		t.Fatalf("second Delete: err = %v, want ErrNotFound", err)
	}
}

func TestKeyringErrorMapping(t *testing.T) {
	tests := []struct {
		name    string
		libErr  error
		want    error // sentinel matched with errors.Is; nil = neither of ours
		wantKey string
		linux   bool // the library error only occurs, and is only mapped, on Linux
	}{
		{"not found", keyring.ErrNotFound, ErrNotFound, "secrets.err.not_found", false},
		{"too big", keyring.ErrSetDataTooBig, ErrTooLarge, "secrets.err.too_large", false},
		{"unsupported platform", keyring.ErrUnsupportedPlatform, ErrUnavailable, "secrets.err.unavailable_linux", true},
		{"no secret service", errors.New("The name org.freedesktop.secrets was not provided by any .service files"), ErrUnavailable, "secrets.err.unavailable_linux", true},
		{"prompt dismissed", errors.New("failed to unlock correct collection '/org/freedesktop/secrets/aliases/default'"), ErrUnavailable, "secrets.err.unavailable_linux", true},
		{"no session bus", errors.New("dbus: couldn't determine address of session bus"), ErrUnavailable, "secrets.err.unavailable_linux", true},
		{"other", errors.New("disk on fire"), nil, "secrets.err.failed", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.linux && runtime.GOOS != "linux" {
				t.Skip("Linux Secret Service error")
			}
			useMock(t, tt.libErr)
			k := NewKeyring("sfconnect-test", 0)
			ctx := context.Background()
			errs := map[string]error{"set": k.Set(ctx, "a:client_secret", "s3cr3t-value"), "delete": k.Delete(ctx, "a:client_secret")}
			_, errs["get"] = k.Get(ctx, "a:client_secret")
			for op, err := range errs {
				if op != "set" && tt.want == ErrTooLarge {
					continue // only Set can be too large
				}
				if err == nil {
					t.Fatalf("%s: no error", op)
				}
				if tt.want != nil && !errors.Is(err, tt.want) {
					t.Errorf("%s: err = %v, want errors.Is %v", op, err, tt.want)
				}
				if tt.want == nil && (errors.Is(err, ErrNotFound) || errors.Is(err, ErrUnavailable)) {
					t.Errorf("%s: err = %v must not match our sentinels", op, err)
				}
				if got := keyOf(err); got != tt.wantKey {
					t.Errorf("%s: key = %q, want %q", op, got, tt.wantKey)
				}
				if strings.Contains(err.Error(), "s3cr3t-value") {
					t.Errorf("%s: error text %q contains the secret", op, err)
				}
			}
		})
	}
}

// keyOf returns the key of the first error in the chain that has one, as the
// i18n package does.
func keyOf(err error) string {
	var k interface{ MessageKey() string }
	if errors.As(err, &k) {
		return k.MessageKey()
	}
	return ""
}

// fakeBackend records calls; block, when non-nil, holds every call until
// closed.
type fakeBackend struct {
	calls atomic.Int32
	block chan struct{}
	err   error
}

func (f *fakeBackend) wait() error {
	f.calls.Add(1)
	if f.block != nil {
		<-f.block
	}
	return f.err
}
func (f *fakeBackend) Get(_, _ string) (string, error) { return "x", f.wait() }
func (f *fakeBackend) Set(_, _, _ string) error        { return f.wait() }
func (f *fakeBackend) Delete(_, _ string) error        { return f.wait() }

func TestSetChecksSizeBeforeKeychain(t *testing.T) {
	fake := &fakeBackend{}
	k := &Keyring{service: "sfconnect", timeout: time.Minute, kr: fake}
	acct := Account("acme", ClientSecret)
	limit := Limit("sfconnect", acct)

	err := k.Set(context.Background(), acct, strings.Repeat("é", limit/2)+"x") // limit+1 bytes
	var tl *TooLargeError
	if !errors.As(err, &tl) || !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want *TooLargeError", err)
	}
	if tl.Size != limit+1 || tl.Limit != limit {
		t.Errorf("TooLargeError = %+v, want Size %d Limit %d", tl, limit+1, limit)
	}
	if n := fake.calls.Load(); n != 0 {
		t.Errorf("keychain called %d times for an oversized secret", n)
	}
	if err := k.Set(context.Background(), acct, strings.Repeat("a", limit)); err != nil {
		t.Errorf("Set at exactly the limit: %v", err)
	}
}

func TestTimeoutAndCancel(t *testing.T) {
	ops := map[string]func(k *Keyring, ctx context.Context) error{
		"get":    func(k *Keyring, ctx context.Context) error { _, err := k.Get(ctx, "a:refresh_token"); return err },
		"set":    func(k *Keyring, ctx context.Context) error { return k.Set(ctx, "a:refresh_token", "tok") },
		"delete": func(k *Keyring, ctx context.Context) error { return k.Delete(ctx, "a:refresh_token") },
	}
	for name, op := range ops {
		t.Run(name, func(t *testing.T) {
			fake := &fakeBackend{block: make(chan struct{})}
			defer close(fake.block) // lets the abandoned goroutines finish

			// Our own timeout: the fake never answers, so this cannot flake.
			k := &Keyring{service: "timeout-" + name, timeout: 10 * time.Millisecond, kr: fake}
			if err := op(k, context.Background()); !errors.Is(err, ErrTimeout) || keyOf(err) != "secrets.err.timeout" {
				t.Errorf("timeout: err = %v (key %q), want ErrTimeout", err, keyOf(err))
			}

			// The caller's cancellation is reported as such, not as a timeout.
			// (This call queues behind the first, which still runs: see lanes.go.
			// Whenever the cancel comes, it must be reported as a cancel.)
			k.timeout = time.Hour
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(20*time.Millisecond, cancel)
			if err := op(k, ctx); !errors.Is(err, context.Canceled) || errors.Is(err, ErrTimeout) {
				t.Errorf("cancel: err = %v, want context.Canceled only", err)
			}

			// The caller's deadline is a timeout too.
			dctx, dcancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
			defer dcancel()
			err := op(k, dctx)
			if !errors.Is(err, ErrTimeout) || !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("deadline: err = %v, want ErrTimeout and DeadlineExceeded", err)
			}

			// An already-cancelled context never reaches the keychain.
			before := fake.calls.Load()
			if err := op(k, ctx); !errors.Is(err, context.Canceled) {
				t.Errorf("pre-cancelled: err = %v", err)
			}
			if fake.calls.Load() != before {
				t.Errorf("pre-cancelled context still called the keychain")
			}
		})
	}
}

func TestSetRedactsSecretFromBackendError(t *testing.T) {
	const secret = "0123456789ABCDEF-secret"
	fake := &fakeBackend{err: fmt.Errorf("backend said: bad value %s", secret)}
	k := &Keyring{service: "s", timeout: time.Minute, kr: fake}
	err := k.Set(context.Background(), "a:client_secret", secret)
	if err == nil || strings.Contains(err.Error(), secret) {
		t.Fatalf("err = %v; want an error without the secret", err)
	}
}

func TestEmptyAccountRejected(t *testing.T) {
	fake := &fakeBackend{}
	k := &Keyring{service: "s", timeout: time.Minute, kr: fake}
	ctx := context.Background()
	_, gerr := k.Get(ctx, "")
	for _, err := range []error{gerr, k.Set(ctx, "", "x"), k.Delete(ctx, "")} {
		if err == nil {
			t.Error("empty account accepted")
		}
	}
	if fake.calls.Load() != 0 {
		t.Error("keychain called with an empty account")
	}
}
