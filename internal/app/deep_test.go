package app_test

import (
	"context"
	"testing"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/oauthflow"
	"github.com/sfconnect/sfconnect/internal/sfsim"
)

// The console refreshed under rotation, so sfconnect's copy is retired:
// the deep check asks first, reports the copy dead and never presents it,
// so Salesforce's reuse detection does not revoke the console's newest token.
func TestDeepVerifyNeverPresentsARotatedOutToken(t *testing.T) {
	h := connected(t, nil)
	ctx := context.Background()
	saved, _ := h.svc.Secrets(ctx, "prod")
	h.sim.SetRotation(true)
	console := oauthflow.Config{LoginURL: h.simURL, ClientID: sfsim.DemoClientID, ClientSecret: sfsim.DemoClientSecret,
		RedirectURL: h.callback}
	tok, err := oauthflow.Refresh(ctx, console, saved.RefreshToken)
	if err != nil || tok.RefreshToken == saved.RefreshToken {
		t.Fatalf("the console's refresh did not rotate: %v", err)
	}
	refreshes := len(h.sim.EventsOf("refresh"))
	r, err := h.svc.VerifyDeep(ctx, "prod", nil)
	if err != nil {
		t.Fatalf("VerifyDeep: %v", err)
	}
	if len(r.Checks) != 1 || r.Checks[0].Key != "app.check.token.dead" || r.Checks[0].Status != app.Fail || r.Replaced {
		t.Fatalf("report = %+v", r)
	}
	if n := len(h.sim.EventsOf("refresh")); n != refreshes {
		t.Fatalf("the deep check presented the retired token (%d refresh events, had %d)", n, refreshes)
	}
	if _, err := oauthflow.Refresh(ctx, console, tok.RefreshToken); err != nil {
		t.Errorf("the console's newest token stopped working: %v", err)
	}
	if after, _ := h.svc.Secrets(ctx, "prod"); after.RefreshToken != saved.RefreshToken {
		t.Error("the saved token was replaced")
	}
}

// Without Salesforce's answer the deep check presents the token only when no
// rotation was ever seen for the connection; with rotation seen it stops and
// says why, so the report ends at the token line and the UI and CLI say so.
func TestDeepVerifyWithoutAnAnswerPresentsOnlyWithoutRotationSeen(t *testing.T) {
	tests := []struct {
		name      string
		rotation  bool // seen at the first connection
		key       string
		refreshed bool
	}{
		{"no rotation seen", false, "app.check.token.unknown_used", true},
		{"rotation seen", true, "app.check.token.withheld", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := connected(t, func(o *sfsim.Options) { o.Rotation = tt.rotation })
			if p, _ := h.svc.Load(context.Background(), "prod"); p.RefreshRotation != tt.rotation {
				t.Fatalf("rotation recorded %v", p.RefreshRotation)
			}
			h.sim.SetIntrospectionRefused(true)
			refreshes := len(h.sim.EventsOf("refresh"))
			r, err := h.svc.VerifyDeep(context.Background(), "prod", nil)
			if err != nil {
				t.Fatal(err)
			}
			tok := r.Checks[0]
			if tok.ID != "token" || tok.Key != tt.key || tok.Status != app.Warn || tok.Detail == nil {
				t.Fatalf("token line = %+v", tok)
			}
			if got := len(h.sim.EventsOf("refresh")) > refreshes; got != tt.refreshed || r.Unanswered() == tt.refreshed {
				t.Errorf("refreshed %v, unanswered %v; want refreshed %v", got, r.Unanswered(), tt.refreshed)
			}
			v, _ := h.svc.Verify(context.Background(), "prod", nil)
			want := map[bool]string{false: "app.check.token.unknown", true: "app.check.token.withheld"}[tt.rotation]
			if !v.Unanswered() || v.Checks[0].Key != want {
				t.Errorf("Verify says %+v, want %s", v.Checks, want)
			}
		})
	}
}
