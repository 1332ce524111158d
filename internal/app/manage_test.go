package app_test

import (
	"context"
	"errors"
	"testing"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/secrets"
)

func TestNamesDifferingOnlyInCaseAreTaken(t *testing.T) {
	h := connected(t, nil)
	_, err := h.svc.Connect(context.Background(), "PROD", h.input(), h.fields(), nil)
	var ee *app.ExistsError
	if !errors.As(err, &ee) {
		t.Fatalf("err = %v, want ExistsError before any sign-in", err)
	}
	if n := len(h.sim.IssuedRefreshTokens()); n != 1 {
		t.Errorf("%d tokens issued, want the first login's only", n)
	}
}

func TestDeleteSucceedsWhenTheTokenIsAlreadyRevoked(t *testing.T) {
	h := connected(t, nil)
	ctx := context.Background()
	sec, _ := h.svc.Secrets(ctx, "prod")
	if err := h.svc.Delete(ctx, "prod", true, nil); err != nil {
		t.Fatal(err)
	}
	// Put the dead token back under a fresh profile: its revoke answers
	// invalid_token, which means the goal is reached.
	if _, err := h.svc.Connect(ctx, "again", h.input(), h.fields(), nil); err != nil {
		t.Fatal(err)
	}
	if err := h.store.Set(ctx, secrets.Account("again", secrets.RefreshToken), sec.RefreshToken); err != nil {
		t.Fatal(err)
	}
	if err := h.svc.Delete(ctx, "again", true, nil); err != nil {
		t.Fatalf("Delete with an already revoked token: %v", err)
	}
	if len(h.store.Accounts()) != 0 {
		t.Errorf("keychain entries left: %v", h.store.Accounts())
	}
}

func TestVerifyReportsALostRotatedToken(t *testing.T) {
	h := connected(t, nil)
	h.sim.SetRotation(true)
	h.store.Fail = func(op, account string) error {
		if op == "set" {
			return errors.New("keychain went away")
		}
		return nil
	}
	_, err := h.svc.VerifyDeep(context.Background(), "prod", nil)
	var lost *app.RotatedTokenLostError
	if !errors.As(err, &lost) || lost.Name != "prod" {
		t.Fatalf("err = %v, want RotatedTokenLostError", err)
	}
}
