package app

import (
	"context"
	"errors"
	"net/url"
	"strings"

	"github.com/sfconnect/sfconnect/internal/callback"
	"github.com/sfconnect/sfconnect/internal/hosts"
	"github.com/sfconnect/sfconnect/internal/salesforce"
)

// PreflightInput is what a sign-in is going to use.
type PreflightInput struct {
	Org         string // namespace or any pasted Salesforce URL
	CallbackURL string // "" means DefaultCallbackURL
	LoginURL    string // optional override (a simulator, login.salesforce.com)
}

// The checks of a preflight, in the order they run.
const (
	CheckOrg   = "org"           // the org and the host it signs in at
	CheckPort  = "callback_port" // the callback port can be bound (and is not reserved)
	CheckProxy = "proxy"         // which proxy, and why
	CheckHTTPS = "https"         // the login host answers HTTPS through that proxy
	CheckTLS   = "tls"           // its certificate chain verifies
)

// PreflightCheck is one line of the checklist: what was found and, when
// something is to be done, the fix. Key's text is complete on its own when
// FixKey is empty (a typed error that already says what to do).
type PreflightCheck struct {
	ID      string
	Status  Status
	Key     string
	Args    map[string]any
	FixKey  string
	FixArgs map[string]any
}

// Preflight is the checklist run before the browser opens.
type Preflight struct{ Checks []PreflightCheck }

// Failed reports whether a check failed: the sign-in would not work.
func (p *Preflight) Failed() bool {
	for _, c := range p.Checks {
		if c.Status == Fail {
			return true
		}
	}
	return false
}

// Check returns the check with id, and whether it ran.
func (p *Preflight) Check(id string) (PreflightCheck, bool) {
	for _, c := range p.Checks {
		if c.ID == id {
			return c, true
		}
	}
	return PreflightCheck{}, false
}

// TitleKey names the check for a checklist heading.
func (c PreflightCheck) TitleKey() string {
	switch c.ID {
	case CheckOrg:
		return "app.preflight.title.org"
	case CheckPort:
		return "app.preflight.title.callback_port"
	case CheckProxy:
		return "app.preflight.title.proxy"
	case CheckHTTPS:
		return "app.preflight.title.https"
	}
	return "app.preflight.title.tls"
}

func (p *Preflight) add(c PreflightCheck) { p.Checks = append(p.Checks, c) }

// errCheck is a check rendered by a typed error.
func errCheck(id string, st Status, err error) PreflightCheck {
	c := PreflightCheck{ID: id, Status: st, Key: "error.unexpected"}
	var m interface {
		MessageKey() string
		MessageArgs() map[string]any
	}
	if errors.As(err, &m) {
		c.Key, c.Args = m.MessageKey(), m.MessageArgs()
	}
	return c
}

// Preflight checks, before the browser opens, what usually fails only after
// the admin has signed in: the callback port, the way to Salesforce (proxy,
// TLS inspection) and the org's host. It never fails itself; ctx ending
// stops the checks that wait.
func (s *Service) Preflight(ctx context.Context, in PreflightInput) *Preflight {
	p := &Preflight{}
	base := s.checkOrg(p, in)
	s.checkPort(ctx, p, in.CallbackURL)
	if base != "" {
		s.checkPath(ctx, p, base)
	}
	return p
}

// PreflightProfile runs the preflight for a saved profile.
func (s *Service) PreflightProfile(ctx context.Context, name string) (*Preflight, error) {
	pr, err := s.Load(ctx, name)
	if err != nil {
		return nil, err
	}
	in := PreflightInput{Org: pr.Namespace, CallbackURL: pr.CallbackURL}
	if org, err := salesforce.ParseOrg(pr.Namespace); err == nil && org.LoginURL() != pr.LoginURL {
		in.LoginURL = pr.LoginURL
	}
	return s.Preflight(ctx, in), nil
}

// checkOrg reads the org and the login host, and returns the base URL to
// probe ("" when there is none).
func (s *Service) checkOrg(p *Preflight, in PreflightInput) string {
	org, err := salesforce.ParseOrg(in.Org)
	if err != nil {
		p.add(errCheck(CheckOrg, Fail, err))
		return ""
	}
	myDomain := org.LoginURL()
	args := map[string]any{"Org": org.Namespace, "MyDomain": myDomain, "Kind": string(org.Kind)}
	fix := map[string]any{"MyDomain": myDomain}
	// An address other than the My Domain (a Lightning or Setup page) was
	// entered: say which org it was read as.
	entered := enteredHost(in.Org)
	mapped := entered != "" && entered != strings.ToLower(org.Namespace) &&
		!strings.EqualFold("https://"+entered, myDomain)
	args["Host"] = entered
	if strings.TrimSpace(in.LoginURL) == "" {
		key := "app.preflight.org.edition" // Developer Edition, scratch, ...: named by the host's label
		switch org.Kind {
		case salesforce.Production:
			key = "app.preflight.org.production"
		case salesforce.Sandbox:
			key = "app.preflight.org.sandbox"
		}
		if mapped {
			key = "app.preflight.org.mapped"
		}
		p.add(PreflightCheck{ID: CheckOrg, Status: Pass, Key: key, Args: args})
		return myDomain
	}
	base, err := salesforce.ValidateLoginURL(in.LoginURL)
	if err != nil {
		p.add(errCheck(CheckOrg, Fail, err))
		return ""
	}
	u, _ := url.Parse(base)
	host := u.Hostname()
	args["URL"] = base
	c := PreflightCheck{ID: CheckOrg, Status: Pass, Key: "app.preflight.org.login_url", Args: args}
	other, otherErr := salesforce.ParseOrg(base)
	sharedKind, shared := salesforce.SharedLoginHost(host)
	switch {
	case hosts.IsLoopback(host):
		c.Key = "app.preflight.org.simulator"
	case shared && sharedKind == salesforce.Production && org.Kind == salesforce.Sandbox:
		c.Status, c.Key = Fail, "app.preflight.org.sandbox_at_production"
	case shared && sharedKind == salesforce.Sandbox && org.Kind == salesforce.Production:
		c.Status, c.Key = Fail, "app.preflight.org.production_at_sandbox"
	case shared:
		// Works unless the org turned on "Prevent login from
		// login.salesforce.com" (My Domain settings, Salesforce Help).
		c.Status, c.Key = Warn, "app.preflight.org.generic_login"
	case otherErr == nil && other.Namespace != org.Namespace:
		c.Status, c.Key, args["Other"] = Fail, "app.preflight.org.other_org", other.Namespace
	case otherErr != nil:
		c.Status, c.Key = Warn, "app.preflight.org.not_salesforce"
	}
	if c.Key == "app.preflight.org.login_url" && mapped {
		c.Key, args["MyDomain"] = "app.preflight.org.mapped", base
	}
	if c.Status != Pass {
		c.FixKey, c.FixArgs = "app.preflight.fix.use_my_domain", fix
	}
	p.add(c)
	return base
}

// enteredHost returns the host of what was typed when it was an address
// (a Lightning or Setup URL, a host name), "" for a bare namespace.
func enteredHost(input string) string {
	s := strings.TrimSpace(input)
	if !strings.Contains(s, ".") {
		return ""
	}
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Hostname())
}

// checkPort checks that the callback port is not reserved by Windows and
// can be bound on the addresses the listener uses.
func (s *Service) checkPort(ctx context.Context, p *Preflight, callbackURL string) {
	if callbackURL = strings.TrimSpace(callbackURL); callbackURL == "" {
		callbackURL = DefaultCallbackURL
	}
	port, _, err := callback.ParseRedirectURL(callbackURL)
	if err != nil {
		c := errCheck(CheckPort, Fail, err)
		c.FixKey = "app.preflight.fix.callback_url"
		p.add(c)
		return
	}
	ranges, err := s.d.ExcludedPorts(ctx)
	if err != nil {
		s.d.Logger.Debug("preflight: excluded port ranges unknown", "error", err)
	}
	suggested := map[string]any{"SuggestedURL": callback.PortURL(callback.FreePortSuggestion(ranges, port))}
	if r, ok := callback.ExcludedRange(ranges, port); ok {
		key := "app.preflight.port.reserved"
		if r.Administered {
			key = "app.preflight.port.reserved_admin"
		}
		p.add(PreflightCheck{ID: CheckPort, Status: Fail, Key: key,
			Args:   map[string]any{"Port": port, "Start": r.Start, "End": r.End},
			FixKey: "app.preflight.fix.port", FixArgs: suggested})
		return
	}
	srv, err := callback.Listen(ctx, callback.Config{RedirectURL: callbackURL, State: "preflight", Logger: s.d.Logger})
	if err != nil {
		p.add(PreflightCheck{ID: CheckPort, Status: Fail, Key: portKey(err),
			Args: map[string]any{"Port": port}, FixKey: "app.preflight.fix.port", FixArgs: suggested})
		return
	}
	_ = srv.Close()
	p.add(PreflightCheck{ID: CheckPort, Status: Pass, Key: "app.preflight.port.ok",
		Args: map[string]any{"Port": port, "URL": callbackURL}})
}

// portKey says why the port could not be bound.
func portKey(err error) string {
	var pe *callback.PortError
	if !errors.As(err, &pe) {
		return "app.preflight.port.unavailable"
	}
	switch pe.Reason {
	case "in_use":
		return "app.preflight.port.in_use"
	case "privileged":
		return "app.preflight.port.privileged"
	case "forbidden":
		return "app.preflight.port.forbidden"
	}
	return "app.preflight.port.unavailable"
}
