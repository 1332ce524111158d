package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/sfconnect/sfconnect/internal/sfsim"
	"github.com/sfconnect/sfconnect/internal/testkit"
)

func TestSummarize(t *testing.T) {
	tests := []struct {
		in            []float64
		med, min, max float64
	}{
		{[]float64{3, 1, 2}, 2, 1, 3},
		{[]float64{4, 1, 3, 2}, 2.5, 1, 4},
		{[]float64{7}, 7, 7, 7},
	}
	for _, tt := range tests {
		s := summarize(tt.in, "ms")
		if s.Median != tt.med || s.Min != tt.min || s.Max != tt.max || s.N != len(tt.in) {
			t.Errorf("summarize(%v) = %+v, want median %v min %v max %v", tt.in, s, tt.med, tt.min, tt.max)
		}
	}
	if s := summarize(nil, "ms"); s.N != 0 || s.cells() != "n/a | n/a | n/a" {
		t.Errorf("summarize(nil) = %+v, cells %q", s, s.cells())
	}
}

// signIn runs the web-server flow against the bench's simulator with
// sfconnect's app and returns an access token.
func signIn(t *testing.T, b *benchSim) string {
	t.Helper()
	q := url.Values{"response_type": {"code"}, "client_id": {b.ClientID}, "redirect_uri": {b.Callback}}
	v := testkit.NewBrowser(testkit.Stop, nil).Navigate(b.URL + "/services/oauth2/authorize?" + q.Encode())
	loc, err := url.Parse(v.Landed)
	if v.Err != nil || err != nil || loc.Query().Get("code") == "" {
		t.Fatalf("authorize answered %d, landed on %q (%v)", v.Status, v.Landed, v.Err)
	}
	form := url.Values{"grant_type": {"authorization_code"}, "code": {loc.Query().Get("code")},
		"client_id": {b.ClientID}, "client_secret": {b.Secret}, "redirect_uri": {b.Callback}}
	resp, err := http.PostForm(b.URL+"/services/oauth2/token", form)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&tok); err != nil || tok.AccessToken == "" {
		t.Fatalf("token answered %d: %v", resp.StatusCode, err)
	}
	return tok.AccessToken
}

func TestTheSimulatorServesTheUserRecordTheSalesforceCLIReads(t *testing.T) {
	b, err := startSim(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	get := func(path, token string) (int, string) {
		req, _ := http.NewRequest(http.MethodGet, b.URL+path, nil)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	user := "/services/data/v51.0/sobjects/User/" + sfsim.DemoUserID
	if code, _ := get(user, ""); code != http.StatusUnauthorized {
		t.Errorf("without a token: %d, want 401 as the simulator answers", code)
	}
	token := signIn(t, b)
	code, body := get(user, token)
	if code != http.StatusOK || !strings.Contains(body, `"Username":"`+sfsim.DemoUsername+`"`) {
		t.Errorf("with a token: %d %s, want the user's Username", code, body)
	}
	if code, _ := get("/services/data/v51.0/sobjects/User/005000000000001AAA", token); code != http.StatusNotFound {
		t.Errorf("another user's record: %d, want 404", code)
	}
}
