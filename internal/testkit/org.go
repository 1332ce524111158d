package testkit

import (
	"context"
	"net/http"
	"testing"

	"github.com/sfconnect/sfconnect/internal/sfsim"
)

// Org is a simulated org ready for a sign-in: the simulator with the demo
// user and External Client App, consent given automatically, the app's
// callback on a free port.
type Org struct {
	*sfsim.Running              // URL (the login URL to use) and Sim
	Callback       string       // the callback registered for Client
	Client         sfsim.Client // the External Client App (key, secret)
	// HTTP reaches an org served under its real host (a namespace was
	// given): its resolver and trust. Nil on plain loopback, where any
	// client does.
	HTTP *http.Client
}

// StartOrg serves an org until the test ends. With a namespace it is served
// over TLS under https://<namespace>.my.salesforce.com (sfsim.StartTLS: no
// Login URL override needed, as against Salesforce); without, on
// http://127.0.0.1:PORT. tweak adjusts the options before the start.
func StartOrg(t testing.TB, namespace string, tweak func(*sfsim.Options)) *Org {
	t.Helper()
	cb := CallbackURL(t)
	opts := sfsim.DemoOptions(cb)
	opts.Consent = sfsim.ConsentAuto
	opts.Org.MyDomain = namespace
	if tweak != nil {
		tweak(&opts)
	}
	run, err := sfsim.StartOrg(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(run.Close)
	o := &Org{Running: run, Callback: cb}
	if len(opts.Clients) > 0 {
		o.Client = opts.Clients[0]
	}
	if opts.Org.MyDomain != "" {
		o.HTTP = run.Client()
	}
	return o
}

// Browser is a browser in mode that reaches this org.
func (o *Org) Browser(mode Mode) *Browser { return NewBrowser(mode, o.HTTP) }
