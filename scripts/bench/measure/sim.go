package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"time"

	"github.com/sfconnect/sfconnect/internal/callback"
	"github.com/sfconnect/sfconnect/internal/sfsim"
)

// sfCLIClientID is the Salesforce CLI's own connected app (sfdx-core
// src/org/authInfo.ts DEFAULT_CONNECTED_APP_INFO): no secret, PKCE, callback
// http://localhost:<oauthLocalPort>/OauthRedirect.
const sfCLIClientID = "PlatformCLI"

// benchSim is the simulated org both CLIs sign in to. It registers one
// External Client App for sfconnect and one for the Salesforce CLI.
type benchSim struct {
	URL      string
	Sim      *sfsim.Sim
	ClientID string // sfconnect's app
	Secret   string
	Callback string // sfconnect's callback URL
	SFPort   int    // the Salesforce CLI's oauthLocalPort
	srv      *http.Server
}

// startSim serves the simulator on a free loopback port. Consent is
// automatic: the "browser" plays a user who already allowed both apps.
func startSim(ctx context.Context) (*benchSim, error) {
	cbPort, err := callback.FreePort()
	if err != nil {
		return nil, err
	}
	sfPort, err := callback.FreePort()
	if err != nil {
		return nil, err
	}
	cb := callback.PortURL(cbPort)
	opts := sfsim.DemoOptions(cb)
	opts.Consent = sfsim.ConsentAuto
	sf := sfsim.Client{ID: sfCLIClientID, Name: "Salesforce CLI", RequirePKCE: true,
		RedirectURIs: []string{fmt.Sprintf("http://localhost:%d/OauthRedirect", sfPort)},
		// sfdx-core asks for "refresh_token api web" (SFDX_AUTH_SCOPES default).
		Scopes: []string{"api", "refresh_token", "web"}}
	opts.Clients = append(opts.Clients, sf)
	ln, err := (&net.ListenConfig{}).Listen(ctx, "tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	b := &benchSim{URL: "http://" + ln.Addr().String(), Sim: sfsim.New(opts),
		ClientID: opts.Clients[0].ID, Secret: opts.Clients[0].Secret, Callback: cb, SFPort: sfPort}
	b.Sim.SetBaseURL(b.URL)
	b.srv = &http.Server{Handler: b, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = b.srv.Serve(ln) }()
	return b, nil
}

// Close stops the server.
func (b *benchSim) Close() { _ = b.srv.Close() }

// userPath is the User record the Salesforce CLI reads for the username
// after the code exchange (sfdx-core src/org/authInfo.ts retrieveUserInfo,
// API v51.0). sfsim does not serve it, so the bench answers it here.
var userPath = regexp.MustCompile(`^/services/data/v\d+\.\d/sobjects/User/([A-Za-z0-9]{15,18})$`)

// ServeHTTP answers the User record and hands everything else to sfsim.
func (b *benchSim) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	m := userPath.FindStringSubmatch(r.URL.Path)
	if m == nil || r.Method != http.MethodGet {
		b.Sim.ServeHTTP(w, r)
		return
	}
	// The simulator judges the token: a REST resource of its own answers a
	// bad one as Salesforce's REST API does (401 INVALID_SESSION_ID), and
	// that answer is passed on unchanged; userinfo then names the user.
	auth := r.Header.Get("Authorization")
	if rec := b.probe("/services/data/v"+sfsim.APIVersions[len(sfsim.APIVersions)-1]+"/", auth); rec.Code != http.StatusOK {
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.WriteHeader(rec.Code)
		_, _ = w.Write(rec.Body.Bytes())
		return
	}
	var info struct {
		UserID   string `json:"user_id"`
		Username string `json:"preferred_username"`
	}
	_ = json.Unmarshal(b.probe("/services/oauth2/userinfo", auth).Body.Bytes(), &info)
	w.Header().Set("Content-Type", "application/json;charset=UTF-8")
	if info.UserID == "" || !strings.HasPrefix(info.UserID, m[1][:15]) {
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write([]byte(`[{"errorCode":"NOT_FOUND","message":"The requested resource does not exist"}]`))
		return
	}
	_ = json.NewEncoder(w).Encode(map[string]any{
		"attributes": map[string]string{"type": "User", "url": r.URL.Path},
		"Id":         info.UserID,
		"Username":   info.Username,
	})
}

// probe asks the simulator for path with the given Authorization header.
func (b *benchSim) probe(path, auth string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.Header.Set("Authorization", auth)
	rec := httptest.NewRecorder()
	b.Sim.ServeHTTP(rec, req)
	return rec
}
