// Package callback receives an OAuth authorization response on a loopback
// HTTP listener, or from text the user pasted, for one sign-in attempt.
//
// It knows nothing of any particular authorization server: it checks the
// state, decodes the code exactly once and hands back a Result. The first
// response with the right state wins, whether it carries a code or an error;
// a response with a missing or wrong state (a stale tab, or a request forged
// by any web page or local program) is answered, logged and ignored, so it
// cannot end the sign-in. The wait also ends on cancellation and on Close.
package callback

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// Config describes one loopback listener.
type Config struct {
	// RedirectURL is the registered callback, e.g. http://localhost/ or
	// http://localhost:8765/callback. Required; see ParseRedirectURL.
	RedirectURL string
	// State is the expected state of this sign-in attempt. Required.
	State string
	// Page renders what the browser sees for a callback outcome. err is nil,
	// ErrStateMismatch, ErrAlreadyCompleted or ErrNotCallback. The page is
	// served under a CSP that forbids scripts. Default: BuiltinPage.
	Page func(r Result, err error) (status int, html []byte)
	// Logger receives events without secrets. Default: discard.
	Logger *slog.Logger
}

// Result is an authorization response. Code is decoded exactly once; Error
// and ErrorDescription are the authorization server's error parameters, for
// the caller to map.
type Result struct {
	Code             string
	Error            string
	ErrorDescription string
}

// shutdownGrace bounds Close: a browser still reading the page gets this
// long before its connection is cut.
const shutdownGrace = time.Second

// Server is a running loopback listener for one sign-in attempt.
type Server struct {
	path  string
	port  int
	state string
	page  func(Result, error) (int, []byte)
	log   *slog.Logger
	http  *http.Server
	serve sync.WaitGroup

	once    sync.Once
	done    chan struct{} // closed when result/err are set
	result  Result
	err     error
	ignored atomic.Int64 // responses refused for their state

	closeOnce sync.Once
	closed    chan struct{}
	closeErr  error
}

// Listen validates cfg, binds the callback port on loopback and starts
// serving. ctx bounds only the bind; the server runs until Close.
// A bind failure is a *PortError; a bad RedirectURL a *RedirectURLError.
func Listen(ctx context.Context, cfg Config) (*Server, error) {
	if cfg.State == "" {
		return nil, errors.New("callback: Config.State is required")
	}
	s, err := newServer(cfg)
	if err != nil {
		return nil, err
	}
	ls, err := listenAll(ctx, bindPlan(runtime.GOOS, s.port), s.port, s.log)
	if err != nil {
		return nil, err
	}
	for _, l := range ls {
		s.log.Debug("callback: listening", "address", l.Addr().String())
		s.serve.Add(1)
		go func() {
			defer s.serve.Done()
			if err := s.http.Serve(l); err != nil && !errors.Is(err, http.ErrServerClosed) {
				s.log.Error("callback: serve failed", "error", err)
			}
		}()
	}
	return s, nil
}

// newServer builds a Server without binding, for Listen and for tests.
func newServer(cfg Config) (*Server, error) {
	port, path, err := ParseRedirectURL(cfg.RedirectURL)
	if err != nil {
		return nil, err
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{
		path: path, port: port, state: cfg.State, page: cfg.Page, log: log,
		done: make(chan struct{}), closed: make(chan struct{}),
	}
	s.http = &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      10 * time.Second,
		IdleTimeout:       10 * time.Second,
		MaxHeaderBytes:    32 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelDebug),
	}
	// One request per connection: nothing is left open to delay Close.
	s.http.SetKeepAlivesEnabled(false)
	return s, nil
}

// Port returns the port the server listens on.
func (s *Server) Port() int { return s.port }

// deliver records the first outcome; later ones are dropped.
func (s *Server) deliver(r Result, err error) bool {
	won := false
	s.once.Do(func() {
		s.result, s.err = r, err
		close(s.done)
		won = true
	})
	return won
}

// Deliver feeds a result obtained another way (the manual paste path) into
// the same wait. It returns false, changing nothing, if a result was already
// taken or r holds neither a code nor an error.
func (s *Server) Deliver(r Result) bool {
	if r.Code == "" && r.Error == "" {
		return false
	}
	return s.deliver(r, nil)
}

// Wait returns the first outcome: a Result (nil error, even when it carries
// an authorization error), ErrClosed, or ctx's error wrapped
// (errors.Is(err, context.Canceled) / DeadlineExceeded hold). When the wait
// times out after responses were ignored for their state, the error is an
// *IgnoredResponsesError, so the user learns why nothing counted.
// It may be called again and returns the same outcome.
func (s *Server) Wait(ctx context.Context) (Result, error) {
	select {
	case <-s.done:
		return s.result, s.err
	default:
	}
	select {
	case <-s.done:
		return s.result, s.err
	case <-s.closed:
		return Result{}, ErrClosed
	case <-ctx.Done():
		err := fmt.Errorf("callback: wait for the browser: %w", ctx.Err())
		if n := s.ignored.Load(); n > 0 && errors.Is(err, context.DeadlineExceeded) {
			return Result{}, &IgnoredResponsesError{Count: int(n), Err: err}
		}
		return Result{}, err
	}
}

// Ignored reports how many responses were refused for a missing or wrong
// state so far.
func (s *Server) Ignored() int { return int(s.ignored.Load()) }

// Close stops the listener, letting an in-flight page finish for at most
// about a second. It is safe to call more than once.
func (s *Server) Close() error {
	s.closeOnce.Do(func() {
		close(s.closed)
		ctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
		defer cancel()
		if err := s.http.Shutdown(ctx); err != nil {
			_ = s.http.Close()
			if !errors.Is(err, context.DeadlineExceeded) {
				s.closeErr = fmt.Errorf("callback: close: %w", err)
			}
		}
		s.serve.Wait()
	})
	return s.closeErr
}

// compile-time check: the Server is the handler.
var _ http.Handler = (*Server)(nil)
