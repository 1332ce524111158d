// Package salesforce holds what sfconnect knows about Salesforce itself: how an
// org is named (My Domain hosts), which URLs the OAuth flow may talk to, what every
// Salesforce OAuth error means for an admin, and the few REST calls used to verify
// a connection (identity, API versions, the "Manage Users" permission).
//
// Facts come from Salesforce's public documentation (My Domain URL formats, OAuth
// 2.0 web server flow, identity URLs, REST API); each quirk is commented where it
// is handled. The package imports no other sfconnect package.
package salesforce
