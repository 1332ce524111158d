package app_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/callback"
	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/sfsim"
	"github.com/sfconnect/sfconnect/internal/testkit"
)

func TestAStolenCodeIsUselessWithoutTheVerifier(t *testing.T) {
	h := newHarness(t, nil)
	status := make(chan int, 1)
	h.browser.OnRedirect(func(req *http.Request) {
		if code := req.URL.Query().Get("code"); code != "" {
			status <- redeem(h, code)
		}
	})
	if _, err := h.svc.Connect(context.Background(), "prod", h.input(), h.fields(), nil); err != nil {
		t.Fatalf("Connect after the attempted theft: %v", err)
	}
	if got := <-status; got != http.StatusBadRequest {
		t.Errorf("redeeming the code without the verifier got %d, want 400", got)
	}
}

func TestAReplayedCodeIsRefused(t *testing.T) {
	h := newHarness(t, nil)
	var used string
	h.browser.OnRedirect(func(req *http.Request) {
		if code := req.URL.Query().Get("code"); code != "" {
			used = code
		}
	})
	if _, err := h.svc.Connect(context.Background(), "first", h.input(), h.fields(), nil); err != nil {
		t.Fatal(err)
	}
	h.browser.Wait(t)
	// The admin pastes the old code into a new sign-in.
	ss, err := h.svc.Begin(context.Background(), h.input())
	if err != nil {
		t.Fatal(err)
	}
	if err := ss.Paste(used); err != nil {
		t.Fatalf("Paste: %v", err)
	}
	_, err = h.svc.Complete(context.Background(), ss, "second", h.fields(), nil)
	wantOAuthCode("invalid_grant")(t, err)
	if _, err := h.svc.Load(context.Background(), "second"); err == nil {
		t.Error("a profile was saved from a replayed code")
	}
	if acc := h.store.Accounts(); len(acc) != 2 {
		t.Errorf("keychain accounts = %v, want only the first profile's two", acc)
	}
}

func TestCancelWhileWaitingForTheBrowser(t *testing.T) {
	h := newHarness(t, nil)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	svc := app.New(app.Deps{Profiles: &profile.Store{Dir: h.dir}, Secrets: h.store, OpenBrowser: func(*url.URL) error { return nil }})
	_, err := svc.Connect(ctx, "prod", h.input(), h.fields(), func(s app.Step) {
		if s == app.StepWait {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	h.assertNothingSaved()
}

func TestPortAlreadyTakenNamesThePort(t *testing.T) {
	h := newHarness(t, nil)
	u, _ := url.Parse(h.callback)
	l, err := net.Listen("tcp", "127.0.0.1:"+u.Port())
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	_, err = h.svc.Connect(context.Background(), "prod", h.input(), h.fields(), nil)
	var pe *callback.PortError
	if !errors.As(err, &pe) || pe.Reason != "in_use" || u.Port() != strconv.Itoa(pe.Port) {
		t.Fatalf("err = %v, want *callback.PortError in_use on port %s", err, u.Port())
	}
	if len(h.browser.Opened()) != 0 {
		t.Error("the browser was opened although nothing could receive the callback")
	}
	h.assertNothingSaved()
}

func TestASecondCallbackChangesNothing(t *testing.T) {
	h := newHarness(t, nil)
	if _, err := h.svc.Connect(context.Background(), "prod", h.input(), h.fields(), nil); err != nil {
		t.Fatal(err)
	}
	v := h.browser.Wait(t)
	// The listener is closed once the flow ended: the replayed callback
	// cannot reach anything, and the saved profile stays as it was.
	resp, err := http.Get(v.Final.String())
	if err == nil {
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			t.Errorf("a replayed callback got 200")
		}
	}
	if got, _ := h.svc.List(context.Background()); len(got) != 1 {
		t.Errorf("profiles = %d, want 1", len(got))
	}
}

func TestConnectRefusesAnExistingName(t *testing.T) {
	h := newHarness(t, nil)
	if _, err := h.svc.Connect(context.Background(), "prod", h.input(), h.fields(), nil); err != nil {
		t.Fatal(err)
	}
	_, err := h.svc.Connect(context.Background(), "prod", h.input(), h.fields(), nil)
	var ee *app.ExistsError
	if !errors.As(err, &ee) {
		t.Fatalf("err = %v, want ExistsError", err)
	}
	if n := len(h.sim.IssuedRefreshTokens()); n != 1 {
		t.Errorf("a second authorization ran (%d tokens issued) although the name was taken", n)
	}
}

func TestBadInputIsRejectedBeforeAnythingStarts(t *testing.T) {
	h := newHarness(t, nil)
	tests := []struct {
		field string
		edit  func(in *app.ConnectInput)
		key   string // the admin's text, where the row pins it
	}{
		{"org", func(in *app.ConnectInput) { in.Org = "https://login.salesforce.com" }, ""},
		{"client_id", func(in *app.ConnectInput) { in.ClientID = " " }, "app.err.client_id_required"},
		// Begin is public: the key's shape is its to refuse, not only
		// CheckNew's (the GUI calls Begin directly).
		{"client_id", func(in *app.ConnectInput) { in.ClientID = "3MVG9 abc" }, "profile.err.client_id_invalid"},
		{"client_id", func(in *app.ConnectInput) { in.ClientID = strings.Repeat("K", 257) }, "profile.err.client_id_too_long"},
		{"client_secret", func(in *app.ConnectInput) { in.ClientSecret = "" }, ""},
		{"login_url", func(in *app.ConnectInput) { in.LoginURL = "http://example.com" }, ""},
		{"callback_url", func(in *app.ConnectInput) { in.CallbackURL = "http://127.0.0.1/" }, ""},
	}
	for _, tt := range tests {
		in := h.input()
		tt.edit(&in)
		ss, err := h.svc.Begin(context.Background(), in)
		if ss != nil {
			ss.Close()
		}
		var ie *app.InputError
		if !errors.As(err, &ie) || ie.Field != tt.field {
			t.Errorf("%s: err = %v, want InputError on %s", tt.field, err, tt.field)
		} else if tt.key != "" && ie.MessageKey() != tt.key {
			t.Errorf("%s: key %s, want %s", tt.field, ie.MessageKey(), tt.key)
		}
	}
	h.assertNothingSaved()
}

func TestPastedAddressCompletesTheFlow(t *testing.T) {
	h := newHarness(t, nil)
	ss, err := h.svc.Begin(context.Background(), h.input())
	if err != nil {
		t.Fatal(err)
	}
	// The browser reaches Salesforce but not us: capture where it would go.
	v := testkit.NewBrowser(testkit.Stop, h.http).Navigate(ss.AuthURL())
	location := v.Landed
	if v.Err != nil || location == "" {
		t.Fatalf("the browser ended on %d without reaching the callback (%v)", v.Status, v.Err)
	}
	if err := ss.Paste("  " + location + "\n"); err != nil {
		t.Fatalf("Paste: %v", err)
	}
	conn, err := h.svc.Complete(context.Background(), ss, "pasted", h.fields(), nil)
	if err != nil {
		t.Fatalf("Complete: %v", err)
	}
	if conn.Profile.Name != "pasted" || conn.Profile.Username != sfsim.DemoUsername {
		t.Errorf("profile = %+v", conn.Profile)
	}
	if err := ss.Paste(location); err == nil {
		t.Error("a second paste was accepted")
	}
}

func TestCancelDuringVerificationIsACancelNotAFailedCheck(t *testing.T) {
	h := newHarness(t, nil)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err := h.svc.Connect(ctx, "prod", h.input(), h.fields(), func(s app.Step) {
		if s == app.StepIdentity {
			cancel()
		}
	})
	h.browser.Wait(t)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	for _, rt := range h.sim.IssuedRefreshTokens() {
		if !h.sim.Revoked(rt) {
			t.Error("the refresh token of the canceled sign-in was left alive")
		}
	}
	h.assertNothingSaved()
}

func TestChangingTheLanguageWhileTheBrowserIsAnsweredIsSafe(t *testing.T) {
	h := newHarness(t, nil)
	ss, err := h.svc.Begin(context.Background(), h.input())
	if err != nil {
		t.Fatal(err)
	}
	defer ss.Close()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; i < 20; i++ {
			if resp, err := http.Get(ss.CallbackURL() + "?nothing=here"); err == nil {
				resp.Body.Close()
			}
		}
	}()
	for i := 0; i < 20; i++ {
		h.svc.SetLang([]string{"ja", "en"}[i%2])
	}
	<-done
}
