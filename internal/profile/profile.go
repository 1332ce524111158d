// Package profile holds sfconnect's connection profiles: the non-secret
// metadata of one Salesforce connection (which org, which External Client
// App, what to enter in the ID governance console), its validation, the
// on-disk store (one 0600 JSON file per profile, written atomically) and the
// export/import file format.
//
// Secrets (the consumer secret and the refresh token) are never part of a
// Profile; they live in the OS keychain (package secrets) and only travel in
// an export file when the user asks for it (see Export).
package profile

import (
	"time"

	"github.com/sfconnect/sfconnect/internal/salesforce"
)

// Profile is one saved connection, without secrets.
type Profile struct {
	// Name identifies the profile; 1-64 characters, unique ignoring case.
	Name string `json:"name"`
	// Namespace is the console's ネームスペース: the org's My Domain login host
	// minus ".my.salesforce.com" ("acme", "acme--dev.sandbox",
	// "acme-dev-ed.develop"), as salesforce.ParseNamespace reads it.
	Namespace string `json:"namespace"`
	// Kind is the org's kind, a salesforce.Kind ("production", "sandbox",
	// "develop", ...); it always agrees with the namespace. Profiles written
	// before it existed held "environment" instead (see upgrade).
	Kind string `json:"kind"`
	// LoginURL is where authorize and token live, normally the My Domain URL.
	LoginURL string `json:"login_url"`
	// ClientID is the External Client App's consumer key.
	ClientID string `json:"client_id"`
	// CallbackURL is the callback URL registered in the External Client App.
	CallbackURL string `json:"callback_url"`
	// Network is the proxy and CA settings the connection was made with.
	Network Network `json:"network,omitzero"`

	// The console fields ("business asset") of the ID governance service.
	Domain                 string `json:"domain"`
	MatchingAttribute      string `json:"matching_attribute"`
	GenerateRandomPassword bool   `json:"generate_random_password"`
	AssetName              string `json:"asset_name"`
	AssetID                string `json:"asset_id"`
	Memo                   string `json:"memo"`

	// What the last authorization told us.
	InstanceURL  string    `json:"instance_url"`
	OrgID        string    `json:"org_id"`
	Username     string    `json:"username"`
	Scopes       []string  `json:"scopes"`
	AuthorizedAt time.Time `json:"authorized_at,omitzero"`
	VerifiedAt   time.Time `json:"verified_at,omitzero"`
	// RefreshRotation is true when Salesforce rotates refresh tokens for
	// this app: an exported token must then not be refreshed by us.
	RefreshRotation bool `json:"refresh_rotation"`
	// Demo marks a profile made against the built-in simulator.
	Demo bool `json:"demo"`
}

// upgrade brings a profile written by an earlier sfconnect version to the
// current form: those stored "environment" instead of "kind" and wrote a
// sandbox namespace as "acme--dev", which names the same org as
// "acme--dev.sandbox" (salesforce.UpgradeNamespace). A profile that already has
// a kind is left alone; Validate judges it.
func (p *Profile) upgrade() {
	if p.Kind != "" {
		return
	}
	if org, err := salesforce.UpgradeNamespace(p.Namespace); err == nil {
		p.Namespace, p.Kind = org.Namespace, string(org.Kind)
	}
}
