package salesforce

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
)

// maxBody bounds every response body read from Salesforce (1 MiB): the answers
// used here are a few hundred bytes, and a hostile or broken server must not make
// the app read without end.
const maxBody = 1 << 20

// Client makes the few REST calls that verify a connection. The zero HTTP uses
// http.DefaultClient; every call is bounded by its context.
type Client struct {
	HTTP        *http.Client
	InstanceURL string // token response's instance_url, e.g. https://acme.my.salesforce.com
	AccessToken string // never logged, never put into an error
	// APIVersion such as "62.0" (a leading "v" is accepted). Empty: CanManageUsers
	// asks LatestAPIVersion first.
	APIVersion string
}

// httpClient returns a shallow copy of the configured client whose redirects may
// not leave https (loopback http excepted): the bearer token must never be
// replayed in clear text. The caller's own CheckRedirect still runs afterwards.
func (c *Client) httpClient() *http.Client {
	base := c.HTTP
	if base == nil {
		base = http.DefaultClient
	}
	cl := *base
	next := base.CheckRedirect
	cl.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		if _, err := parseBaseURL(req.URL.String()); err != nil {
			return fmt.Errorf("redirect refused: %w", err)
		}
		if next != nil {
			return next(req, via)
		}
		return nil
	}
	return &cl
}

// endpoint joins the instance URL, checked like a login URL, with a path and query.
func (c *Client) endpoint(path string, query url.Values) (string, error) {
	base, err := ValidateLoginURL(c.InstanceURL)
	if err != nil {
		return "", fmt.Errorf("instance URL: %w", err)
	}
	u := base + path
	if len(query) > 0 {
		u += "?" + query.Encode()
	}
	return u, nil
}

// getJSON GETs rawURL and decodes a 2xx JSON answer into out. With auth, the
// access token goes along as a bearer token.
func (c *Client) getJSON(ctx context.Context, rawURL string, auth bool, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return fmt.Errorf("build request: %w", err)
	}
	req.Header.Set("Accept", "application/json")
	if auth {
		req.Header.Set("Authorization", "Bearer "+c.AccessToken)
	}
	resp, err := c.httpClient().Do(req)
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		return &TransportError{Host: req.URL.Hostname(), URL: req.URL.Redacted(), Err: stripURLError(err)}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody+1))
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		return &TransportError{Host: req.URL.Hostname(), URL: req.URL.Redacted(), Err: err}
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return parseAPIError(resp.StatusCode, body)
	}
	if len(body) > maxBody {
		return fmt.Errorf("%w: body larger than %d bytes", ErrBadResponse, maxBody)
	}
	if err := decodeJSON(body, out); err != nil {
		return fmt.Errorf("%w: %v", ErrBadResponse, err)
	}
	return nil
}

// stripURLError drops the *url.Error wrapper, whose text repeats the full URL
// (the query could carry data); the redacted URL is written by the caller.
func stripURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// TransportError means a REST call got no answer from Salesforce: the proxy,
// the certificate check, DNS or the connection failed, or the answer was cut
// off. It has no message of its own: the caller explains Err with the
// diagnosis the preflight uses (internal/app, netproxy.Diagnose), so that
// the same failure reads the same everywhere.
type TransportError struct {
	Host string // the host called
	URL  string // the URL called, without credentials
	Err  error  // the transport error
}

func (e *TransportError) Error() string {
	return fmt.Sprintf("salesforce request to %s: %v", e.URL, e.Err)
}

// Unwrap returns the transport error.
func (e *TransportError) Unwrap() error { return e.Err }
