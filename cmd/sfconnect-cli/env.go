package main

import (
	"bufio"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"time"

	"github.com/sfconnect/sfconnect/internal/app"
	"github.com/sfconnect/sfconnect/internal/i18n"
	"github.com/sfconnect/sfconnect/internal/netproxy"
	"github.com/sfconnect/sfconnect/internal/profile"
	"github.com/sfconnect/sfconnect/internal/secrets"
)

// env is everything the commands touch outside the process, so tests can
// run the real command code with their own stdin, keychain and browser.
type env struct {
	stdin       *bufio.Reader
	stdout      io.Writer
	stderr      io.Writer
	getenv      func(string) string
	takeEnv     func(string) string                // read and remove a variable (secrets.TakeEnv)
	isTerminal  func() bool                        // is stdin a terminal (for the no-echo prompt)
	readSecret  func() (string, error)             // no-echo prompt
	keychain    func() secrets.Store               // the OS keychain unless a test says otherwise
	openBrowser func(cmd string, u *url.URL) error // cmd "" = the OS default
	http        *http.Client
	configDir   func() (string, error)
	net         netproxy.Options // the network's outside world; tests map names to loopback
	// sealWork is the scrypt cost of passphrase-sealed exports; 0 = age's
	// default. Only tests lower it.
	sealWork int

	loc *i18n.Localizer
	log *slog.Logger
	// envSecret and envProxyPassword are SFCONNECT_CLIENT_SECRET and
	// SFCONNECT_PROXY_PASSWORD, taken out of the environment at start.
	envSecret        string
	envProxyPassword string
}

func realEnv() *env {
	return &env{
		stdin:       bufio.NewReader(os.Stdin),
		stdout:      os.Stdout,
		stderr:      os.Stderr,
		getenv:      os.Getenv,
		takeEnv:     secrets.TakeEnv,
		isTerminal:  stdinIsTerminal,
		readSecret:  readPassword,
		keychain:    func() secrets.Store { return secrets.NewKeyring(secrets.DefaultService, 0) },
		openBrowser: openBrowser,
		configDir:   profile.DefaultDir,
	}
}

// service builds the use cases over the environment; browser is the
// --browser flag ("" = $BROWSER, then the OS default).
func (e *env) service(store secrets.Store, dir, browser string) *app.Service {
	cmd := e.browserCmd(browser)
	opener := func(u *url.URL) error { return e.openBrowser(cmd, u) }
	return app.New(app.Deps{
		Profiles:    &profile.Store{Dir: dir},
		Secrets:     store,
		HTTP:        e.http, // nil: the service's own client, which follows SetNetwork
		OpenBrowser: opener,
		Logger:      e.log,
		Lang:        e.loc.Lang(),
		Net:         e.netOptions(),

		SealWorkFactor: e.sealWork,
	})
}

// netOptions reads the proxy environment through e.getenv.
func (e *env) netOptions() netproxy.Options {
	o := e.net
	o.Getenv = e.getenv
	return o
}

func (e *env) httpClient() *http.Client {
	if e.http != nil {
		return e.http
	}
	return netproxy.NewClient(60 * time.Second)
}

// browserCmd picks the browser command: the flag, then $BROWSER.
func (e *env) browserCmd(flag string) string {
	if flag != "" {
		return flag
	}
	return e.getenv("BROWSER")
}
