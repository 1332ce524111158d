package sfsim

// Demo values: fixed so that the demo, screenshots and golden files are
// reproducible. They only ever work against the simulator.
const (
	// DemoClientID is the demo app's consumer key (Salesforce keys start "3MVG9").
	DemoClientID = "3MVG9demo.SFCONNECT.SIMULATOR.DEMO.ONLY.k2Jx7Qw9Zp4Lm8Rt3Vb6Nc1Hd5Gf0Ys2Xa7Ue4Io9PqXz"
	// DemoClientSecret is the demo app's consumer secret: 64 hex digits like a
	// real one ("de0c11e47 005ec4e7" reads "demo client secret"). Not a secret.
	DemoClientSecret = "de0c11e47005ec4e7de0c11e47005ec4e7de0c11e47005ec4e7de0c11e47005e"
	// DemoUsername is the demo user, who holds "Manage Users".
	DemoUsername = "admin@demo.sfconnect.example"
	// DemoCallbackURL is the seed manual's callback URL, used when none is given.
	DemoCallbackURL = "http://localhost/"
	// DemoAppName is the demo app's name on the consent page.
	DemoAppName = "sfconnect (demo)"
)

// DemoOrgID and DemoUserID are 18-char IDs with valid checksums.
var (
	DemoOrgID  = "00D5g00000DEMOa" + idChecksum("00D5g00000DEMOa")
	DemoUserID = "0055g00000DEMOa" + idChecksum("0055g00000DEMOa")
)

// DemoOptions returns a ready-to-use demo org: one app registered with
// redirectURI (DemoCallbackURL when empty) configured like the seed manual,
// an active admin user with "Manage Users", and the interactive consent page.
func DemoOptions(redirectURI string) Options {
	if redirectURI == "" {
		redirectURI = DemoCallbackURL
	}
	c := NewClient(DemoClientID, DemoClientSecret, redirectURI)
	c.Name = DemoAppName
	return Options{
		Org:     OrgInfo{OrgID: DemoOrgID},
		Clients: []Client{c},
		User: User{
			Username:    DemoUsername,
			UserID:      DemoUserID,
			Email:       DemoUsername,
			DisplayName: "Demo Admin",
			ManageUsers: true,
			Active:      true,
		},
		Consent: ConsentPage,
	}
}
