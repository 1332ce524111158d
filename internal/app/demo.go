package app

import (
	"context"
	"fmt"

	"github.com/sfconnect/sfconnect/internal/callback"
	"github.com/sfconnect/sfconnect/internal/sfsim"
)

// DemoOrg is the namespace shown for the demo connection.
const DemoOrg = "sfconnect-demo"

// Demo is the embedded Salesforce simulator, running on loopback, with an
// External Client App registered for a free local callback port.
type Demo struct {
	LoginURL     string
	ClientID     string
	ClientSecret string
	CallbackURL  string
	Org          string
	Sim          *sfsim.Sim
	run          *sfsim.Running
}

// StartDemo starts the simulator. consent chooses how its login page
// behaves: sfsim.ConsentPage shows Allow/Deny in the browser.
func StartDemo(ctx context.Context, consent sfsim.ConsentMode) (*Demo, error) {
	port, err := callback.FreePort()
	if err != nil {
		return nil, fmt.Errorf("find a free port for the demo: %w", err)
	}
	cb := callback.PortURL(port)
	opts := sfsim.DemoOptions(cb)
	opts.Consent = consent
	run, err := sfsim.Start(ctx, opts)
	if err != nil {
		return nil, fmt.Errorf("start the demo simulator: %w", err)
	}
	c := opts.Clients[0]
	return &Demo{LoginURL: run.URL, ClientID: c.ID, ClientSecret: c.Secret, CallbackURL: cb,
		Org: DemoOrg, Sim: run.Sim, run: run}, nil
}

// Input returns the connection input that leads to the demo.
func (d *Demo) Input() ConnectInput {
	return ConnectInput{Org: d.Org, ClientID: d.ClientID, ClientSecret: d.ClientSecret,
		CallbackURL: d.CallbackURL, LoginURL: d.LoginURL, Demo: true}
}

// Close stops the simulator.
func (d *Demo) Close() { d.run.Close() }
