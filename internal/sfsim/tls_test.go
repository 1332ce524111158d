package sfsim

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
	"net/http"
	"strings"
	"testing"
)

// StartTLS serves each kind of org under its real login host; hosts the org
// does not answer on do not resolve, and the certificate is trusted only by
// the simulator's own client.
func TestStartTLSServesTheOrgsOwnHost(t *testing.T) {
	tests := []struct{ myDomain, notServed string }{
		{"acme", "acme--dev.sandbox.my.salesforce.com"},
		{"acme--dev.sandbox", "acme--dev.my.salesforce.com"}, // the host before enhanced domains
		{"acme-dev-ed.develop", "acme-dev-ed.my.salesforce.com"},
		{"bear-1-dev-ed.trailblaze", "login.salesforce.com"},
	}
	for _, tt := range tests {
		t.Run(tt.myDomain, func(t *testing.T) {
			opts := DemoOptions("http://localhost:1/callback")
			opts.Org.MyDomain = tt.myDomain
			run, err := StartTLS(context.Background(), opts)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(run.Close)
			want := "https://" + tt.myDomain + ".my.salesforce.com"
			if run.URL != want {
				t.Fatalf("URL = %q, want %q", run.URL, want)
			}
			c := run.Client()
			resp, err := c.Get(run.URL + "/services/data/")
			if err != nil || resp.StatusCode != http.StatusOK {
				t.Fatalf("GET versions: %v %v", resp, err)
			}
			resp.Body.Close()
			_, err = c.Get("https://" + tt.notServed + "/services/data/")
			var dnsErr *net.DNSError
			if !errors.As(err, &dnsErr) || !dnsErr.IsNotFound {
				t.Errorf("a host the org does not answer on resolved: %v", err)
			}
			untrusting := c.Transport.(*http.Transport).Clone()
			untrusting.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12}
			var unknownAuthority x509.UnknownAuthorityError
			if _, err := (&http.Client{Transport: untrusting}).Get(run.URL + "/services/data/"); !errors.As(err, &unknownAuthority) {
				t.Errorf("a client without the simulator's trust: %v", err)
			}
			req, _ := http.NewRequest(http.MethodGet, run.URL+"/services/data/", nil)
			req.Host = "other.my.salesforce.com"
			if resp, err := c.Do(req); err != nil || resp.StatusCode != http.StatusMisdirectedRequest {
				t.Errorf("request for another host: %v %v", resp, err)
			} else {
				resp.Body.Close()
			}
			if !run.Sim.Serves(strings.ToUpper(tt.myDomain)+".MY.SALESFORCE.COM") || run.Sim.Serves(tt.notServed) {
				t.Error("Serves disagrees with the resolver")
			}
		})
	}
	if _, err := StartTLS(context.Background(), DemoOptions("")); err == nil {
		t.Error("StartTLS without a My Domain started")
	}
}
