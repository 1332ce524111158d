package salesforce

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// A REST call that gets no answer is a *TransportError naming the host and
// keeping the transport error for the diagnosis; an answer, even a refusal,
// never is.
func TestRESTCallWithoutAnAnswerIsATransportError(t *testing.T) {
	_, srv := newFakeOrg(t, map[string]route{"/services/data/": {500, `[]`, false}})
	answered := clientFor(srv)
	u, _ := url.Parse(srv.URL)
	srv.Close()
	_, err := answered.LatestAPIVersion(context.Background())
	var te *TransportError
	var op *net.OpError
	if !errors.As(err, &te) || te.Host != u.Hostname() || !errors.As(err, &op) {
		t.Fatalf("closed server: err = %#v, want a TransportError for %s wrapping the dial error", err, u.Hostname())
	}
	if strings.Contains(err.Error(), testToken) {
		t.Error("the access token reached the error")
	}

	// The answer is cut off after the headers.
	cut := &http.Client{Transport: roundTrip(func(r *http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: 200, Body: io.NopCloser(errReader{}), Header: http.Header{}, Request: r}, nil
	})}
	c := &Client{HTTP: cut, InstanceURL: "https://acme.my.salesforce.com", AccessToken: testToken}
	if _, err := c.LatestAPIVersion(context.Background()); !errors.As(err, &te) || !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("cut-off answer: err = %v, want a TransportError wrapping the read error", err)
	}

	_, refusing := newFakeOrg(t, map[string]route{"/services/data/": {500, `[]`, false}})
	if _, err := clientFor(refusing).LatestAPIVersion(context.Background()); err == nil || errors.As(err, &te) {
		t.Errorf("a 500 answer: err = %v, want no TransportError", err)
	}
}

type roundTrip func(*http.Request) (*http.Response, error)

func (f roundTrip) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, io.ErrUnexpectedEOF }
