package sfsim

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"testing"

	"golang.org/x/oauth2"
)

// The library the app uses (golang.org/x/oauth2) completes the flow against
// the simulator, reads Salesforce's extra fields, and surfaces its errors.
func TestCompatXOAuth2(t *testing.T) {
	for _, style := range []oauth2.AuthStyle{oauth2.AuthStyleInParams, oauth2.AuthStyleInHeader, oauth2.AuthStyleAutoDetect} {
		t.Run(map[oauth2.AuthStyle]string{0: "autodetect", 1: "params", 2: "header"}[style], func(t *testing.T) {
			h := newHarness(t, nil)
			cfg := oauth2.Config{
				ClientID: testClientID, ClientSecret: testSecret, RedirectURL: testCallback,
				Endpoint: oauth2.Endpoint{
					AuthURL: h.srv.URL + "/services/oauth2/authorize", TokenURL: h.srv.URL + "/services/oauth2/token",
					AuthStyle: style,
				},
			}
			verifier := oauth2.GenerateVerifier()
			authURL := cfg.AuthCodeURL("st-1", oauth2.S256ChallengeOption(verifier))
			req, _ := http.NewRequest(http.MethodGet, authURL, nil)
			resp, _ := h.do(req)
			q := h.callback(resp, testCallback)
			ctx := context.WithValue(context.Background(), oauth2.HTTPClient, h.srv.Client())
			tok, err := cfg.Exchange(ctx, q.Get("code"), oauth2.VerifierOption(verifier))
			if err != nil {
				t.Fatalf("Exchange: %v", err)
			}
			if tok.RefreshToken == "" || tok.Extra("instance_url") != h.srv.URL || !tok.Expiry.IsZero() {
				t.Errorf("token: refresh %t instance_url %v expiry %v", tok.RefreshToken != "", tok.Extra("instance_url"), tok.Expiry)
			}
			src := cfg.TokenSource(ctx, &oauth2.Token{RefreshToken: tok.RefreshToken})
			if fresh, err := src.Token(); err != nil || fresh.AccessToken == tok.AccessToken {
				t.Errorf("refresh via TokenSource: %v", err)
			}
			_, err = cfg.Exchange(ctx, q.Get("code"), oauth2.VerifierOption(verifier))
			var re *oauth2.RetrieveError
			if !errors.As(err, &re) || re.ErrorCode != "invalid_grant" || re.ErrorDescription != "invalid authorization code" {
				t.Errorf("replay: %v", err)
			}
			// The replay revoked the refresh token issued from that code.
			_, err = cfg.TokenSource(ctx, &oauth2.Token{RefreshToken: tok.RefreshToken}).Token()
			if !errors.As(err, &re) || re.ErrorDescription != "expired access/refresh token" {
				t.Errorf("refresh after replay: %v", err)
			}
		})
	}
}

// The authorize URL x/oauth2 builds carries what Salesforce expects.
func TestCompatAuthURL(t *testing.T) {
	cfg := oauth2.Config{ClientID: "id", RedirectURL: testCallback, Endpoint: oauth2.Endpoint{AuthURL: "http://sim/services/oauth2/authorize"}}
	u, err := url.Parse(cfg.AuthCodeURL("s", oauth2.S256ChallengeOption(testVerifier)))
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	if q.Get("response_type") != "code" || q.Get("code_challenge") != testChallenge || q.Get("code_challenge_method") != "S256" {
		t.Errorf("auth URL query = %v", q)
	}
}
