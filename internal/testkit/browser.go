// Package testkit is what the tests of every package share: a scripted
// browser that does real HTTP, free loopback ports and callback URLs, a
// buffer safe for concurrent writers, and a simulated org ready for a
// sign-in (the simulator, its callback and its client). Only tests import
// it; TestNoProgramLinksATestKit keeps it out of the shipped binaries.
package testkit

import (
	"errors"
	"io"
	"net/http"
	"net/url"
	"sync"
	"testing"
	"time"
)

// Mode says what a Browser does with the address it is asked to open.
type Mode int

const (
	// Follow GETs the address and follows every redirect, as a signed-in
	// browser does, down to the loopback callback.
	Follow Mode = iota
	// Stop follows redirects until the one that leads to the callback
	// (a localhost address), which it keeps in Visit.Landed instead of
	// visiting: the address an admin would paste when the browser cannot
	// reach this computer.
	Stop
	// Idle opens nothing: a browser left alone (the cancel and timeout paths).
	Idle
	// Fail reports that no browser could be started, as ShellExecute or
	// xdg-open would.
	Fail
)

// ErrNoBrowser is what Open returns in Fail mode.
var ErrNoBrowser = errors.New("no browser registered for https")

// Visit is how a navigation ended.
type Visit struct {
	Status int      // status of the last response
	Body   string   // body of the last response
	Final  *url.URL // address of the last request
	Landed string   // Stop mode: the callback address it stopped before
	Err    error    // the request failed (refused, timed out, bad TLS)
}

// Browser plays the admin's system browser with real HTTP requests.
// The zero value follows redirects with Go's default transport. It is safe
// for concurrent use.
type Browser struct {
	mu         sync.Mutex
	mode       Mode
	client     *http.Client // transport of a TLS simulator (its resolver, its trust)
	edit       func(*url.URL)
	onRedirect func(*http.Request)
	opened     []string
	visits     chan Visit
}

// NewBrowser returns a browser in mode that reaches servers through
// client's transport (a TLS simulator's resolver and trust); nil client:
// Go's default transport.
func NewBrowser(mode Mode, client *http.Client) *Browser {
	return &Browser{mode: mode, client: client}
}

// SetMode changes what later calls to Open do.
func (b *Browser) SetMode(m Mode) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.mode = m
}

// Edit makes Open rewrite each address before visiting it (a tampered
// sign-in link); nil stops it.
func (b *Browser) Edit(f func(*url.URL)) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.edit = f
}

// OnRedirect lets f see every redirect before it is followed; nil stops it.
func (b *Browser) OnRedirect(f func(*http.Request)) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.onRedirect = f
}

// Open is the system browser's entry point (app.Deps.OpenBrowser): it
// records u and, in Follow and Stop modes, visits it in the background;
// Wait returns how that visit ended.
func (b *Browser) Open(u *url.URL) error {
	b.mu.Lock()
	b.opened = append(b.opened, u.String())
	mode, edit := b.mode, b.edit
	if b.visits == nil {
		b.visits = make(chan Visit, 64)
	}
	visits := b.visits
	b.mu.Unlock()
	switch mode {
	case Idle:
		return nil
	case Fail:
		return ErrNoBrowser
	}
	target := *u
	if edit != nil {
		edit(&target)
	}
	go func() { visits <- b.Navigate(target.String()) }()
	return nil
}

// Opened lists the addresses Open was given, in order.
func (b *Browser) Opened() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.opened...)
}

// Wait returns how the next visit started by Open ended; it fails the test
// if none ends within 30 s.
func (b *Browser) Wait(t testing.TB) Visit {
	t.Helper()
	b.mu.Lock()
	if b.visits == nil {
		b.visits = make(chan Visit, 64)
	}
	visits := b.visits
	b.mu.Unlock()
	select {
	case v := <-visits:
		return v
	case <-time.After(30 * time.Second):
		t.Fatal("the browser never finished")
		return Visit{}
	}
}

// Navigate visits raw now, as the admin opening it by hand: it stops before
// the callback in Stop mode and follows every redirect otherwise (an Idle
// or Fail browser is not involved in a visit by hand).
func (b *Browser) Navigate(raw string) Visit {
	b.mu.Lock()
	stop, onRedirect := b.mode == Stop, b.onRedirect
	var transport http.RoundTripper
	if b.client != nil {
		transport = b.client.Transport
	}
	b.mu.Unlock()
	var landed string
	// The timeout only keeps a broken test from hanging; nothing asserts on it.
	c := &http.Client{Transport: transport, Timeout: 30 * time.Second,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if stop && req.URL.Hostname() == "localhost" {
				landed = req.URL.String()
				return http.ErrUseLastResponse
			}
			if len(via) >= 10 { // net/http's own limit, kept
				return errors.New("stopped after 10 redirects")
			}
			if onRedirect != nil {
				onRedirect(req)
			}
			return nil
		}}
	resp, err := c.Get(raw)
	if err != nil {
		return Visit{Err: err}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return Visit{Status: resp.StatusCode, Body: string(body), Final: resp.Request.URL, Landed: landed, Err: err}
}
