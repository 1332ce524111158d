package app

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/sfconnect/sfconnect/internal/callback"
	"github.com/sfconnect/sfconnect/internal/oauthflow"
	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/salesforce"
	"github.com/sfconnect/sfconnect/internal/secrets"
)

// ConnectInput is what the admin types to authorize a new connection.
type ConnectInput struct {
	Org          string // namespace or any pasted Salesforce URL
	ClientID     string // consumer key
	ClientSecret string // consumer secret
	CallbackURL  string // the callback registered on the External Client App
	LoginURL     string // optional override; http:// only for loopback (a simulator)
	PromptLogin  bool   // force Salesforce's login page / account chooser
	Timeout      time.Duration
	Demo         bool // the connection is to the embedded demo simulator
}

// Step names a stage of the flow, reported through Progress.
type Step string

// The stages of a connection, in order.
const (
	StepListen      Step = "listen"
	StepBrowser     Step = "browser"
	StepWait        Step = "wait"
	StepExchange    Step = "exchange"
	StepIdentity    Step = "identity"
	StepPermissions Step = "permissions"
	StepRefresh     Step = "refresh"
	StepSave        Step = "save"
	StepRevoke      Step = "revoke"
	// StepIntrospect is Verify's question to Salesforce about a saved token.
	StepIntrospect Step = "introspect"
)

// Progress receives each stage as it starts. It may be nil.
type Progress func(Step)

func (p Progress) report(s Step) {
	if p != nil {
		p(s)
	}
}

// Session is one authorization in progress: a listener bound to the callback
// URL and the authorize URL that leads the browser to it.
type Session struct {
	svc      *Service
	org      salesforce.Org
	in       ConnectInput
	cfg      oauthflow.Config
	start    oauthflow.Start
	server   *callback.Server
	deadline time.Time
	replaces string // the profile a re-authorization renews
	closeOne sync.Once
}

// Begin checks the input, binds the callback listener and prepares the
// authorize URL. Close the session when done with it.
func (s *Service) Begin(ctx context.Context, in ConnectInput) (*Session, error) {
	org, cfg, err := s.checkInput(&in)
	if err != nil {
		return nil, err
	}
	start, err := oauthflow.Begin(cfg, oauthflow.Options{PromptLogin: in.PromptLogin})
	if err != nil {
		return nil, fmt.Errorf("prepare authorization: %w", err)
	}
	srv, err := callback.Listen(ctx, callback.Config{
		RedirectURL: in.CallbackURL,
		State:       start.State,
		Page:        s.page,
		Logger:      s.d.Logger,
	})
	if err != nil {
		return nil, &InputError{Field: "callback_url", Err: err}
	}
	s.d.Logger.Info("waiting for the Salesforce callback", "callback", in.CallbackURL, "login_url", cfg.LoginURL)
	return &Session{svc: s, org: org, in: in, cfg: cfg, start: start, server: srv,
		deadline: s.d.Now().Add(in.Timeout)}, nil
}

// checkInput validates and normalises in, returning the org and the OAuth
// configuration it leads to. Nothing is bound or opened before it passes.
func (s *Service) checkInput(in *ConnectInput) (salesforce.Org, oauthflow.Config, error) {
	in.ClientID = strings.TrimSpace(in.ClientID)
	in.ClientSecret = strings.TrimSpace(in.ClientSecret)
	if in.CallbackURL = strings.TrimSpace(in.CallbackURL); in.CallbackURL == "" {
		in.CallbackURL = DefaultCallbackURL
	}
	c := CheckInput(*in)
	for _, field := range inputFields {
		// Every field, the consumer key's shape too: Begin is public (the
		// GUI calls it without CheckNew), and a key Salesforce can never
		// have must not bind a listener or open a browser.
		if err := c.Err(field); err != nil {
			return c.Org, oauthflow.Config{}, &InputError{Field: field, Err: err}
		}
	}
	if in.Timeout <= 0 {
		in.Timeout = DefaultTimeout
	}
	return c.Org, oauthflow.Config{LoginURL: c.SignInURL, ClientID: in.ClientID,
		ClientSecret: in.ClientSecret, RedirectURL: in.CallbackURL, HTTPClient: s.d.HTTP}, nil
}

// Reauthorize starts a new authorization for a saved profile, reusing its
// client ID from the profile and its client secret from the keychain.
func (s *Service) Reauthorize(ctx context.Context, name string, promptLogin bool, timeout time.Duration) (*Session, error) {
	p, err := s.Load(ctx, name)
	if err != nil {
		return nil, err
	}
	// The renewed profile is saved with these fields after the sign-in: a
	// file edited into something Save refuses must stop us now, not then.
	if err := p.Validate(); err != nil {
		return nil, err
	}
	secret, err := s.d.Secrets.Get(ctx, secrets.Account(name, secrets.ClientSecret))
	if err != nil {
		return nil, fmt.Errorf("read client secret of %q: %w", name, err)
	}
	in := ConnectInput{Org: p.Namespace, ClientID: p.ClientID, ClientSecret: secret,
		CallbackURL: p.CallbackURL, PromptLogin: promptLogin, Timeout: timeout, Demo: p.Demo}
	if org, err := salesforce.ParseNamespace(p.Namespace); err == nil && org.LoginURL() != p.LoginURL {
		in.LoginURL = p.LoginURL
	}
	ss, err := s.Begin(ctx, in)
	if err != nil {
		return nil, err
	}
	ss.replaces = name
	return ss, nil
}

// AuthURL is the Salesforce authorize URL to open in a browser.
func (ss *Session) AuthURL() string { return ss.start.URL }

// Deadline is when the wait for the browser gives up.
func (ss *Session) Deadline() time.Time { return ss.deadline }

// CallbackURL is the callback the session listens on.
func (ss *Session) CallbackURL() string { return ss.in.CallbackURL }

// OpenBrowser opens the authorize URL with the configured opener.
func (ss *Session) OpenBrowser() error {
	if ss.svc.d.OpenBrowser == nil {
		return ErrNoBrowser
	}
	u, err := url.Parse(ss.start.URL)
	if err != nil {
		return fmt.Errorf("authorize URL: %w", err)
	}
	if err := ss.svc.d.OpenBrowser(u); err != nil {
		return &BrowserError{Err: err}
	}
	return nil
}

// Paste feeds the address the browser ended on (or its query, or the bare
// code) into the wait, for when the redirect cannot reach the listener.
func (ss *Session) Paste(text string) error {
	r, err := callback.ParsePasted(text, ss.start.State)
	if err != nil {
		return err
	}
	if !ss.server.Deliver(r) {
		return ErrSessionDone
	}
	return nil
}

// Close stops the listener. It is safe to call more than once.
func (ss *Session) Close() {
	ss.closeOne.Do(func() { _ = ss.server.Close() })
}

// Wait waits for the callback (or a pasted address), exchanges the code and
// verifies the connection. Nothing is saved: see Service.Save.
func (ss *Session) Wait(ctx context.Context, p Progress) (*Connection, error) {
	defer ss.Close()
	ctx, cancel := context.WithDeadline(ctx, ss.deadline)
	defer cancel()
	p.report(StepWait)
	res, err := ss.server.Wait(ctx)
	if err != nil {
		return nil, fmt.Errorf("wait for the Salesforce callback: %w", err)
	}
	if res.Error != "" {
		return nil, fmt.Errorf("authorization: %w", salesforce.NewCallbackError(res.Error, res.ErrorDescription))
	}
	p.report(StepExchange)
	tok, err := oauthflow.Exchange(ctx, ss.cfg, res.Code, ss.start.Verifier)
	if err != nil {
		if tok != nil && tok.AccessToken != "" {
			// A token without a refresh token is of no use to the console:
			// end its session instead of leaving it alive.
			ss.svc.revokeQuietly(ss.cfg, tok.AccessToken)
		}
		return nil, fmt.Errorf("exchange the authorization code: %w", err)
	}
	conn := ss.connection(tok)
	var verr error
	conn.Report, conn.Secrets.RefreshToken, verr = ss.svc.verifyNew(ctx, ss.cfg, ss.org, ss.in.LoginURL != "", tok, p)
	if verr != nil {
		// No API access: no connector can use this token. End it now
		// rather than leave a live token nobody keeps.
		p.report(StepRevoke)
		ss.svc.revokeQuietly(ss.cfg, tok.RefreshToken)
		return nil, fmt.Errorf("verify the new connection: %w", verr)
	}
	if err := ctx.Err(); err != nil {
		// Canceled or timed out while verifying: the checks that failed
		// say nothing about the org, so report the cancel, not them.
		ss.svc.revokeQuietly(ss.cfg, conn.Secrets.RefreshToken)
		return nil, fmt.Errorf("verify the new connection: %w", err)
	}
	conn.Profile.RefreshRotation = conn.Report.Rotation
	conn.Profile.Username = conn.Report.Identity.Username
	conn.Profile.OrgID = conn.Report.Identity.OrgID
	return conn, nil
}

// connection builds the unsaved result of a successful exchange.
func (ss *Session) connection(tok *oauthflow.Token) *Connection {
	now := ss.svc.d.Now()
	authorized := tok.IssuedAt
	if authorized.IsZero() {
		authorized = now
	}
	return &Connection{
		Profile: profile.Profile{
			Name:         ss.replaces,
			Namespace:    ss.org.Namespace,
			Kind:         string(ss.org.Kind),
			LoginURL:     ss.cfg.LoginURL,
			ClientID:     ss.cfg.ClientID,
			CallbackURL:  ss.in.CallbackURL,
			InstanceURL:  tok.InstanceURL,
			Scopes:       salesforce.ParseScopes(tok.Scope),
			AuthorizedAt: authorized.UTC(),
			VerifiedAt:   now.UTC(),
			Demo:         ss.in.Demo,
		},
		Secrets:  profile.Secrets{ClientSecret: ss.cfg.ClientSecret, RefreshToken: tok.RefreshToken},
		loginURL: ss.cfg.LoginURL,
		replaces: ss.replaces,
	}
}

// BrowserError means the browser could not be started.
type BrowserError struct{ Err error }

// Error does not repeat the cause: an opener's error may quote the URL,
// which carries the state.
func (e *BrowserError) Error() string               { return "could not open the browser" }
func (e *BrowserError) Unwrap() error               { return e.Err }
func (e *BrowserError) MessageKey() string          { return "app.err.browser" }
func (e *BrowserError) MessageArgs() map[string]any { return nil }

// MessageKey is the translation key that describes the step to a user.
func (s Step) MessageKey() string {
	switch s {
	case StepListen:
		return "app.step.listen"
	case StepBrowser:
		return "app.step.browser"
	case StepWait:
		return "app.step.wait"
	case StepExchange:
		return "app.step.exchange"
	case StepIdentity:
		return "app.step.identity"
	case StepPermissions:
		return "app.step.permissions"
	case StepRefresh:
		return "app.step.refresh"
	case StepSave:
		return "app.step.save"
	case StepIntrospect:
		return "app.step.introspect"
	}
	return "app.step.revoke"
}
