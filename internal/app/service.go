// Package app holds sfconnect's use cases: connect an org, re-authorize,
// verify, export, import, list and delete connection profiles. The CLI and
// the GUI are thin skins over it; it never imports a UI toolkit.
package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/sfconnect/sfconnect/internal/callback"
	"github.com/sfconnect/sfconnect/internal/i18n"
	"github.com/sfconnect/sfconnect/internal/netproxy"
	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/salesforce"
	"github.com/sfconnect/sfconnect/internal/secrets"
)

// DefaultTimeout bounds the wait for the browser when the caller sets none.
const DefaultTimeout = 5 * time.Minute

// DefaultCallbackURL is the callback the vendor manual registers.
const DefaultCallbackURL = "http://localhost/"

// SuggestedCallbackURL is the callback to register where port 80 cannot be
// used (Linux, IIS): the one the port errors and the preflight suggest.
var SuggestedCallbackURL = callback.PortURL(callback.SuggestedPort)

// ProfileStore is what the use cases need of the profile store.
type ProfileStore interface {
	Save(p profile.Profile) error
	Load(name string) (profile.Profile, error)
	List() ([]profile.Profile, error)
	Delete(name string) error
}

// storeLocker is the profile store's inter-process lock (profile.Store.Lock).
// A store without one (a test double) needs none.
type storeLocker interface {
	Lock(ctx context.Context) (unlock func(), err error)
}

// lockStore holds the profile store's lock while a use case changes a
// profile and its keychain entries together, so that two processes saving
// the same profile cannot interleave their writes.
func (s *Service) lockStore(ctx context.Context) (unlock func(), err error) {
	if l, ok := s.d.Profiles.(storeLocker); ok {
		return l.Lock(ctx)
	}
	return func() {}, nil
}

// Deps are the outside parts the use cases run on.
type Deps struct {
	Profiles    ProfileStore
	Secrets     secrets.Store
	HTTP        *http.Client           // optional; default: 60 s timeout over the network in force (SetNetwork)
	OpenBrowser func(u *url.URL) error // browser.Open; the CLI's --browser or $BROWSER through browser.Command
	Logger      *slog.Logger           // optional; never receives a secret
	Now         func() time.Time       // optional
	Lang        string                 // language of the page the browser shows after sign-in
	// Net is the outside world of the network settings (tests map names to
	// loopback); zero means the real one. See SetNetwork.
	Net netproxy.Options
	// ExcludedPorts lists the port ranges the OS reserves, for Preflight;
	// default callback.ExcludedPorts (netsh on Windows).
	ExcludedPorts func(context.Context) ([]callback.PortRange, error)
	// SealWorkFactor is the scrypt cost of passphrase-sealed exports;
	// 0 = seal.DefaultWorkFactor. Only tests lower it.
	SealWorkFactor int
}

// Service runs the use cases.
type Service struct {
	d Deps
	// loc renders the browser's page on the listener's goroutines while the
	// GUI may call SetLang: hence atomic.
	loc atomic.Pointer[i18n.Localizer]
	// net is the network in force (SetNetwork); rt, when the service made
	// its own HTTP client, the transport that follows it.
	net atomic.Pointer[netproxy.Network]
	rt  *swapTransport
	// checkTimeout replaces CheckTimeout in tests.
	checkTimeout time.Duration
}

// New returns a Service over d, filling in defaults for the optional parts.
func New(d Deps) *Service {
	s := &Service{}
	if d.HTTP == nil {
		s.rt = &swapTransport{}
		d.HTTP = &http.Client{Transport: s.rt, Timeout: 60 * time.Second}
	}
	if d.ExcludedPorts == nil {
		d.ExcludedPorts = callback.ExcludedPorts
	}
	// Empty settings read no file and parse no URL: this cannot fail.
	n, _ := netproxy.New(netproxy.Settings{}, "", d.Net)
	s.useNetwork(n)
	if d.Logger == nil {
		d.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	s.d = d
	s.loc.Store(i18n.New(d.Lang))
	return s
}

// SetLang changes the language of the browser's result page.
func (s *Service) SetLang(lang string) { s.loc.Store(i18n.New(lang)) }

// List returns the saved profiles, sorted by name.
func (s *Service) List(ctx context.Context) ([]profile.Profile, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return s.d.Profiles.List()
}

// Load returns one saved profile.
func (s *Service) Load(ctx context.Context, name string) (profile.Profile, error) {
	if err := ctx.Err(); err != nil {
		return profile.Profile{}, err
	}
	return s.d.Profiles.Load(name)
}

// Secrets reads the client secret and refresh token of a profile from the
// keychain, for copy buttons and explicit exports.
func (s *Service) Secrets(ctx context.Context, name string) (profile.Secrets, error) {
	var out profile.Secrets
	var err error
	if out.ClientSecret, err = s.d.Secrets.Get(ctx, secrets.Account(name, secrets.ClientSecret)); err != nil {
		return profile.Secrets{}, fmt.Errorf("read client secret of %q: %w", name, err)
	}
	if out.RefreshToken, err = s.d.Secrets.Get(ctx, secrets.Account(name, secrets.RefreshToken)); err != nil {
		return profile.Secrets{}, fmt.Errorf("read refresh token of %q: %w", name, err)
	}
	return out, nil
}

// UpdateFields changes the console fields of a saved profile.
func (s *Service) UpdateFields(ctx context.Context, name string, f ConsoleFields) error {
	unlock, err := s.lockStore(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	p, err := s.Load(ctx, name)
	if err != nil {
		return err
	}
	f.ApplyTo(&p)
	return s.d.Profiles.Save(p)
}

// ConsoleFields are the values the ID-governance console asks for besides the
// Salesforce credentials.
type ConsoleFields struct {
	Domain                 string
	MatchingAttribute      string
	GenerateRandomPassword bool
	AssetName              string
	AssetID                string
	Memo                   string
}

// ApplyTo sets the console fields of p to f.
func (f ConsoleFields) ApplyTo(p *profile.Profile) {
	p.Domain = f.Domain
	p.MatchingAttribute = f.MatchingAttribute
	p.GenerateRandomPassword = f.GenerateRandomPassword
	p.AssetName = f.AssetName
	p.AssetID = f.AssetID
	p.Memo = f.Memo
}

// FieldsOf returns the console fields held by p.
func FieldsOf(p profile.Profile) ConsoleFields {
	return ConsoleFields{Domain: p.Domain, MatchingAttribute: p.MatchingAttribute,
		GenerateRandomPassword: p.GenerateRandomPassword, AssetName: p.AssetName,
		AssetID: p.AssetID, Memo: p.Memo}
}

// exists reports whether a profile called name is saved.
// Names differing only in case count as the same: Windows and macOS file
// systems and Windows Credential Manager do not tell them apart.
func (s *Service) exists(name string) (bool, error) {
	_, err := s.d.Profiles.Load(name)
	var refused *profile.HostRefusedError
	switch {
	case err == nil, errors.As(err, &refused):
		return true, nil
	case !errors.Is(err, profile.ErrNotFound):
		return false, err
	}
	all, err := s.d.Profiles.List()
	if err != nil {
		return false, err
	}
	for _, p := range all {
		if strings.EqualFold(p.Name, name) {
			return true, nil
		}
	}
	return false, nil
}

// ConsoleURL returns the login URL the ID-governance console builds from the
// profile's namespace, https://<namespace>.my.salesforce.com/, shown beside
// the namespace so the admin can check it; "" when the namespace is invalid.
func ConsoleURL(p profile.Profile) string {
	org, err := salesforce.ParseNamespace(p.Namespace)
	if err != nil {
		return ""
	}
	return org.ConsoleURL()
}
