package app_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/i18n"
	"github.com/sfconnect/sfconnect/internal/netproxy"
	"github.com/sfconnect/sfconnect/internal/profile"
)

// refusingPaths is a transport that answers some paths as a proxy that
// refuses the tunnel would (what netproxy's transport returns for a 502 to
// CONNECT) and sends the rest to the simulator: a unit-test stand-in for a
// path that breaks between two calls. The real proxy cases are in
// network_reach_test.go.
type refusingPaths struct {
	prefix string
	next   http.RoundTripper
}

func (r refusingPaths) RoundTrip(req *http.Request) (*http.Response, error) {
	if strings.HasPrefix(req.URL.Path, r.prefix) {
		return nil, &netproxy.ProxyError{Proxy: "proxy.corp.example:8080", Status: http.StatusBadGateway}
	}
	return r.next.RoundTrip(req)
}

// The identity call gets no answer after a good exchange: the check says it
// got none, the refusal of the connection reads as the preflight's
// diagnosis, nothing is saved and the new token is revoked.
func TestAnIdentityCallWithoutAnAnswerSaysWhy(t *testing.T) {
	h := newHarness(t, nil)
	svc := app.New(app.Deps{Profiles: &profile.Store{Dir: h.dir}, Secrets: h.store, OpenBrowser: h.browser.Open,
		HTTP: &http.Client{Transport: refusingPaths{prefix: "/id/", next: http.DefaultTransport}}})
	_, err := svc.Connect(context.Background(), "prod", h.input(), h.fields(), nil)
	h.browser.Wait(t)
	var ve *app.VerificationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v, want a VerificationError", err)
	}
	c := ve.Failed[0]
	var d *netproxy.ReachError
	if c.ID != "identity" || c.Key != "app.check.unreached" || !errors.As(c.Detail, &d) || d.Reason != netproxy.ReachProxy {
		t.Fatalf("failed check %+v, want identity unreached with the proxy's refusal", c)
	}
	got := i18n.New("en").Error(err)
	want := i18n.New("en").T("app.net.err.proxy_upstream", map[string]any{"Proxy": "proxy.corp.example:8080", "Status": 502})
	if got != want {
		t.Errorf("the admin reads %q, want the preflight's %q", got, want)
	}
	h.assertNothingSaved()
	issued := h.sim.IssuedRefreshTokens()
	if len(issued) != 1 || !h.sim.Revoked(issued[0]) {
		t.Error("the new token was left alive")
	}
}
