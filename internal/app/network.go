package app

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"

	"github.com/sfconnect/sfconnect/internal/netproxy"
	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/secrets"
)

// SetNetwork puts s in force for every later call to Salesforce: the proxy
// choice, the proxy user (whose password is read from the keychain now)
// and the extra CA file. A bad setting is refused and the previous one stays.
func (s *Service) SetNetwork(ctx context.Context, set netproxy.Settings) error {
	n, err := s.networkFor(ctx, set)
	if err != nil {
		return err
	}
	s.useNetwork(n)
	return nil
}

// networkFor builds the network set describes, reading the proxy user's
// password from the keychain, without putting it in force: SetNetwork puts
// it in force, a health check uses a profile's own (clientFor).
func (s *Service) networkFor(ctx context.Context, set netproxy.Settings) (*netproxy.Network, error) {
	password := ""
	if user := strings.TrimSpace(set.ProxyUser); user != "" {
		pw, err := s.d.Secrets.Get(ctx, secrets.ProxyAccount(user))
		switch {
		case err == nil:
			password = pw
		case errors.Is(err, secrets.ErrNotFound):
			// No password saved yet: the proxy's 407 will say so.
		default:
			return nil, fmt.Errorf("read the proxy password of %q: %w", user, err)
		}
	}
	return netproxy.New(set, password, s.d.Net)
}

// clientFor is the HTTP client for calls through the network set
// describes: the service's own client (the network in force) when set is
// empty or the caller gave its own client (Deps.HTTP), else a new one,
// which done releases.
func (s *Service) clientFor(ctx context.Context, set netproxy.Settings) (c *http.Client, done func(), err error) {
	if set.IsZero() || s.rt == nil {
		return s.d.HTTP, func() {}, nil
	}
	n, err := s.networkFor(ctx, set)
	if err != nil {
		return nil, nil, err
	}
	c = n.Client(s.d.HTTP.Timeout)
	return c, c.CloseIdleConnections, nil
}

// Network returns the network settings in force.
func (s *Service) Network() netproxy.Settings { return s.net.Load().Settings() }

// SetProxyPassword keeps the password of a proxy user in the keychain; an
// empty password deletes it. SetNetwork reads it.
func (s *Service) SetProxyPassword(ctx context.Context, user, password string) error {
	user = strings.TrimSpace(user)
	if user == "" {
		return &InputError{Field: "proxy_user", Err: errors.New("empty")}
	}
	acc := secrets.ProxyAccount(user)
	if password == "" {
		if err := s.d.Secrets.Delete(ctx, acc); err != nil && !errors.Is(err, secrets.ErrNotFound) {
			return fmt.Errorf("delete the proxy password of %q: %w", user, err)
		}
		return nil
	}
	if err := s.d.Secrets.Set(ctx, acc, password); err != nil {
		return fmt.Errorf("save the proxy password of %q: %w", user, err)
	}
	return nil
}

// HasProxyPassword reports whether the keychain holds a password for user.
func (s *Service) HasProxyPassword(ctx context.Context, user string) (bool, error) {
	_, err := s.d.Secrets.Get(ctx, secrets.ProxyAccount(strings.TrimSpace(user)))
	if errors.Is(err, secrets.ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// NetworkOf returns the network settings a profile remembers.
func NetworkOf(p profile.Profile) netproxy.Settings {
	return netproxy.Settings{Proxy: p.Network.Proxy, PAC: p.Network.PAC,
		ProxyUser: p.Network.ProxyUser, CAFile: p.Network.CAFile}
}

// SetNetworkOf makes set the network settings p remembers: the inverse of
// NetworkOf.
func SetNetworkOf(p *profile.Profile, set netproxy.Settings) {
	p.Network = profile.Network{Proxy: set.Proxy, PAC: set.PAC, ProxyUser: set.ProxyUser, CAFile: set.CAFile}
}

// useNetwork makes n the network of the service's own HTTP client.
func (s *Service) useNetwork(n *netproxy.Network) {
	s.net.Store(n)
	if s.rt != nil {
		s.rt.set(n.Transport())
	}
}

// swapTransport is the transport of the service's HTTP client: it forwards
// to the transport of the network in force, which SetNetwork replaces
// while other calls may be running.
type swapTransport struct {
	cur atomic.Pointer[http.Transport]
}

// RoundTrip sends r with the current transport.
func (t *swapTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	return t.cur.Load().RoundTrip(r)
}

// CloseIdleConnections lets http.Client.CloseIdleConnections reach it.
func (t *swapTransport) CloseIdleConnections() { t.cur.Load().CloseIdleConnections() }

func (t *swapTransport) set(tr *http.Transport) {
	if old := t.cur.Swap(tr); old != nil {
		old.CloseIdleConnections()
	}
}
