package oauthflow_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"testing"

	"github.com/sfconnect/sfconnect/internal/oauthflow"
	"github.com/sfconnect/sfconnect/internal/salesforce"
	"github.com/sfconnect/sfconnect/internal/sfsim"
	"github.com/sfconnect/sfconnect/internal/testkit"
)

// authorize plays the browser at the simulator's authorize endpoint (auto
// consent) and returns the callback query it was redirected to.
func authorize(t *testing.T, authURL string) url.Values {
	t.Helper()
	v := testkit.NewBrowser(testkit.Stop, nil).Navigate(authURL)
	loc, err := url.Parse(v.Landed)
	if v.Err != nil || v.Status != http.StatusFound || v.Landed == "" || err != nil {
		t.Fatalf("authorize answered %d, landed on %q (%v)", v.Status, v.Landed, v.Err)
	}
	return loc.Query() // decoded exactly once, as the callback listener does
}

func startSim(t *testing.T, opts sfsim.Options) oauthflow.Config {
	t.Helper()
	opts.Clients = []sfsim.Client{sfsim.NewClient("sim-client", "sim-secret", "http://localhost:8765/callback")}
	opts.User = sfsim.User{Username: "admin@acme.example", Active: true, ManageUsers: true}
	run, err := sfsim.Start(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(run.Close)
	return oauthflow.Config{LoginURL: run.URL, ClientID: "sim-client", ClientSecret: "sim-secret",
		RedirectURL: "http://localhost:8765/callback"}
}

// The whole flow against the strict simulator: PKCE, exchange, rotation, revoke.
func TestFlowAgainstSimulator(t *testing.T) {
	ctx := context.Background()
	cfg := startSim(t, sfsim.Options{Rotation: true})
	start, err := oauthflow.Begin(cfg, oauthflow.Options{PromptLogin: true})
	if err != nil {
		t.Fatal(err)
	}
	q := authorize(t, start.URL)
	if q.Get("state") != start.State || q.Get("code") == "" {
		t.Fatalf("callback query lacks the state or the code")
	}
	tok, err := oauthflow.Exchange(ctx, cfg, q.Get("code"), start.Verifier)
	if err != nil {
		t.Fatal(err)
	}
	if tok.RefreshToken == "" || tok.InstanceURL == "" || tok.ID == "" || tok.IssuedAt.IsZero() {
		t.Fatalf("incomplete token %+v", tok)
	}
	ref, err := oauthflow.Refresh(ctx, cfg, tok.RefreshToken)
	if err != nil {
		t.Fatal(err)
	}
	if ref.RefreshToken == "" || ref.RefreshToken == tok.RefreshToken {
		t.Fatal("rotation: want a new refresh token")
	}
	if err := oauthflow.Revoke(ctx, cfg, ref.RefreshToken); err != nil {
		t.Fatal(err)
	}
	var oe *salesforce.OAuthError
	if _, err := oauthflow.Refresh(ctx, cfg, ref.RefreshToken); !errors.As(err, &oe) || oe.Code != "invalid_grant" {
		t.Fatalf("refresh after revoke: %v", err)
	}
	// The code is single-use.
	_, err = oauthflow.Exchange(ctx, cfg, q.Get("code"), start.Verifier)
	if !errors.As(err, &oe) || oe.Code != "invalid_grant" {
		t.Fatalf("replayed code: %v", err)
	}
}

func TestFlowAgainstSimulatorFailures(t *testing.T) {
	ctx := context.Background()
	t.Run("wrong verifier", func(t *testing.T) {
		cfg := startSim(t, sfsim.Options{})
		start, _ := oauthflow.Begin(cfg, oauthflow.Options{})
		q := authorize(t, start.URL)
		other, _ := oauthflow.Begin(cfg, oauthflow.Options{})
		_, err := oauthflow.Exchange(ctx, cfg, q.Get("code"), other.Verifier)
		var oe *salesforce.OAuthError
		if !errors.As(err, &oe) || oe.Code != "invalid_grant" {
			t.Fatalf("err = %v, want invalid_grant", err)
		}
	})
	t.Run("no refresh token scope", func(t *testing.T) {
		cfg := startSim(t, sfsim.Options{NoRefreshToken: true})
		start, _ := oauthflow.Begin(cfg, oauthflow.Options{})
		q := authorize(t, start.URL)
		tok, err := oauthflow.Exchange(ctx, cfg, q.Get("code"), start.Verifier)
		if !errors.Is(err, oauthflow.ErrNoRefreshToken) || tok == nil {
			t.Fatalf("err = %v, token %v; want ErrNoRefreshToken with the token", err, tok != nil)
		}
		if err := oauthflow.Revoke(ctx, cfg, tok.AccessToken); err != nil {
			t.Fatalf("revoke the useless access token: %v", err)
		}
	})
	t.Run("wrong secret", func(t *testing.T) {
		cfg := startSim(t, sfsim.Options{})
		start, _ := oauthflow.Begin(cfg, oauthflow.Options{})
		q := authorize(t, start.URL)
		cfg.ClientSecret = "wrong"
		_, err := oauthflow.Exchange(ctx, cfg, q.Get("code"), start.Verifier)
		var oe *salesforce.OAuthError
		if !errors.As(err, &oe) || oe.Status != 400 {
			t.Fatalf("err = %v, want a 400 OAuthError", err)
		}
	})
}

// Introspection never uses the token: with rotation on, a token looked at any
// number of times still refreshes once; then it is retired and looks inactive.
func TestIntrospectAgainstSimulator(t *testing.T) {
	ctx := context.Background()
	cfg := startSim(t, sfsim.Options{Rotation: true})
	start, _ := oauthflow.Begin(cfg, oauthflow.Options{})
	q := authorize(t, start.URL)
	tok, err := oauthflow.Exchange(ctx, cfg, q.Get("code"), start.Verifier)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		in, err := oauthflow.Introspect(ctx, cfg, tok.RefreshToken, oauthflow.HintRefreshToken)
		if err != nil || !in.Active || in.Username != "admin@acme.example" || in.TokenType != "refresh_token" {
			t.Fatalf("Introspect = %+v, %v", in, err)
		}
	}
	if _, err := oauthflow.Refresh(ctx, cfg, tok.RefreshToken); err != nil {
		t.Fatalf("the looked-at token no longer refreshes: %v", err)
	}
	if in, err := oauthflow.Introspect(ctx, cfg, tok.RefreshToken, oauthflow.HintRefreshToken); err != nil || in.Active {
		t.Errorf("retired token: %+v, %v", in, err)
	}
	wrong := cfg
	wrong.ClientSecret = "wrong"
	var oe *salesforce.OAuthError
	if _, err := oauthflow.Introspect(ctx, wrong, tok.RefreshToken, ""); !errors.As(err, &oe) || oe.Code != "invalid_client" {
		t.Errorf("wrong secret: %v", err)
	}
}
