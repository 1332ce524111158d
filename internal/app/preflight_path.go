package app

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/sfconnect/sfconnect/internal/netproxy"
)

// PreflightTimeout bounds the probe of the login host: long enough for a
// slow proxy, short enough that a blocked path is reported at once.
const PreflightTimeout = 10 * time.Second

// checkPath checks the way to base: which proxy, whether base answers
// HTTPS through it, and whether its certificate verifies.
//
// The probe is GET /services/data/, which Salesforce answers without
// authentication (the list of API versions, Salesforce REST API Developer
// Guide, "Versions").
func (s *Service) checkPath(ctx context.Context, p *Preflight, base string) {
	n := s.net.Load()
	target, _ := url.Parse(base + "/services/data/")
	host := target.Hostname()
	ctx, cancel := context.WithTimeout(ctx, PreflightTimeout)
	defer cancel()

	choice, err := n.Choose(ctx, target)
	if err != nil {
		c := errCheck(CheckProxy, Fail, err)
		c.FixKey = "app.preflight.fix.proxy_setting"
		p.add(c)
		p.add(skippedTLS(host))
		return
	}
	p.add(proxyCheck(choice, host))

	if choice.Proxy == nil && choice.Source != netproxy.SourceLoopback {
		// Direct: the name must resolve here. Through a proxy, the proxy
		// resolves it (many company networks resolve no outside names).
		if _, err := n.LookupHost(ctx, host); err != nil {
			p.add(errCheck(CheckHTTPS, Fail, netproxy.Diagnose(host, err)))
			p.add(skippedTLS(host))
			return
		}
	}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, target.String(), nil)
	req.Header.Set("Accept", "application/json")
	client := n.Client(PreflightTimeout)
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	defer client.CloseIdleConnections()
	start := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		s.d.Logger.Debug("preflight: probe failed", "host", host, "error", err)
		https, tls := probeFailure(host, choice, err)
		p.add(https)
		p.add(tls)
		return
	}
	resp.Body.Close()
	args := map[string]any{"Host": host, "Millis": time.Since(start).Milliseconds(), "Status": resp.StatusCode}
	switch {
	case resp.StatusCode != http.StatusOK:
		p.add(PreflightCheck{ID: CheckHTTPS, Status: Warn, Key: "app.preflight.https.status", Args: args,
			FixKey: "app.preflight.fix.check_org"})
	case !strings.Contains(resp.Header.Get("Content-Type"), "json"):
		p.add(PreflightCheck{ID: CheckHTTPS, Status: Warn, Key: "app.preflight.https.not_salesforce", Args: args,
			FixKey: "app.preflight.fix.check_org"})
	default:
		p.add(PreflightCheck{ID: CheckHTTPS, Status: Pass, Key: "app.preflight.https.ok", Args: args})
	}
	p.add(tlsCheck(n, host, resp))
}

// proxyCheck says which proxy the calls to host go through, and why.
func proxyCheck(c netproxy.Choice, host string) PreflightCheck {
	args := map[string]any{"Host": host, "Proxy": c.Display(), "PAC": c.PAC, "Result": c.PACResult}
	key := "app.preflight.proxy.none"
	direct := c.Proxy == nil
	switch {
	case c.Source == netproxy.SourceLoopback:
		key = "app.preflight.proxy.loopback"
	case c.Source == netproxy.SourceEnv && direct:
		key = "app.preflight.proxy.env_direct"
	case c.Source == netproxy.SourceEnv:
		key = "app.preflight.proxy.env"
	case c.Source == netproxy.SourceSetting && direct:
		key = "app.preflight.proxy.setting_direct"
	case c.Source == netproxy.SourceSetting:
		key = "app.preflight.proxy.setting"
	case (c.Source == netproxy.SourceSettingPAC || c.Source == netproxy.SourceSystemPAC) && direct:
		key = "app.preflight.proxy.pac_direct"
	case c.Source == netproxy.SourceSettingPAC:
		key = "app.preflight.proxy.setting_pac"
	case c.Source == netproxy.SourceSystemPAC:
		key = "app.preflight.proxy.system_pac"
	case c.Source == netproxy.SourceWPAD:
		key = "app.preflight.proxy.wpad"
	case c.Source == netproxy.SourceSystem:
		key = "app.preflight.proxy.system"
	}
	return PreflightCheck{ID: CheckProxy, Status: Pass, Key: key, Args: args}
}

// probeFailure explains a failed probe, the HTTPS check and the TLS check,
// with the diagnosis every later call to Salesforce gives for the same
// failure (netproxy.Diagnose), so the checklist and a failed sign-in read
// alike.
func probeFailure(host string, choice netproxy.Choice, err error) (PreflightCheck, PreflightCheck) {
	d := netproxy.Diagnose(host, err)
	if d.Reason == netproxy.ReachProxyDown && choice.Proxy != nil {
		d.Proxy = choice.Display() // the name as set, not the address it resolved to
	}
	if d.Reason == netproxy.ReachTLS {
		https := PreflightCheck{ID: CheckHTTPS, Status: Fail, Key: "app.preflight.https.tls_failed",
			Args: map[string]any{"Host": host}}
		return https, errCheck(CheckTLS, Fail, d)
	}
	return errCheck(CheckHTTPS, Fail, d), skippedTLS(host)
}

// skippedTLS is the TLS check when the host was not reached.
func skippedTLS(host string) PreflightCheck {
	return PreflightCheck{ID: CheckTLS, Status: Warn, Key: "app.preflight.tls.skipped",
		Args: map[string]any{"Host": host}}
}

// tlsCheck describes the certificate of a successful probe.
func tlsCheck(n *netproxy.Network, host string, resp *http.Response) PreflightCheck {
	c := PreflightCheck{ID: CheckTLS, Status: Pass, Args: map[string]any{"Host": host}}
	switch {
	case resp.TLS == nil:
		c.Key = "app.preflight.tls.plain"
	case n.FromExtraRoots(resp.TLS):
		c.Key = "app.preflight.tls.inspected"
	default:
		c.Key = "app.preflight.tls.ok"
	}
	if resp.TLS != nil && len(resp.TLS.PeerCertificates) > 0 {
		iss := resp.TLS.PeerCertificates[0].Issuer
		c.Args["Issuer"] = iss.CommonName
		if iss.CommonName == "" {
			c.Args["Issuer"] = strings.Join(iss.Organization, ", ")
		}
	}
	return c
}
