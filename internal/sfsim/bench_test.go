package sfsim

import (
	"net/http"
	"testing"
)

// BenchmarkFlow measures one authorize + code exchange over loopback HTTP;
// the end-to-end suites run hundreds of these.
func BenchmarkFlow(b *testing.B) {
	h := newHarness(b, nil)
	for b.Loop() {
		resp, err := h.http.Get(h.srv.URL + "/services/oauth2/authorize?" + authParams().Encode())
		if err != nil {
			b.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusFound {
			b.Fatalf("authorize: %d", resp.StatusCode)
		}
		loc, _ := resp.Location()
		if status, _ := h.token(exchangeForm(loc.Query().Get("code"))); status != http.StatusOK {
			b.Fatalf("token: %d", status)
		}
	}
}
