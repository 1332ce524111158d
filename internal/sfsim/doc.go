// Package sfsim is a strict simulator of the Salesforce OAuth 2.0 web-server
// flow and of the few REST calls sfconnect makes. The end-to-end tests and the
// app's demo mode run against it, so it must be at least as strict as the real
// service: a client that works against sfsim should work against Salesforce.
//
// It is an independent witness: it imports no other package of this module, and
// every rule below comes from Salesforce's public documentation as summarised in
// the mission README.
//
// Endpoints (all on one http.Handler):
//
//	GET  /services/oauth2/authorize   authorization request; exact callback match;
//	                                  errors about the client or callback are shown
//	                                  on an HTML page (never redirected)
//	POST /services/oauth2/authorize   the consent page's Allow/Deny forms
//	POST /services/oauth2/token       authorization_code and refresh_token grants
//	POST /services/oauth2/revoke      token revocation (GET ?token= also works)
//	POST /services/oauth2/introspect  RFC 7662 token introspection (own tokens only)
//	GET  /services/oauth2/userinfo    OpenID-style identity of the bearer
//	GET  /id/<orgId>/<userId>         identity URL returned as "id" by the token call
//	GET  /services/data/              API versions, no authentication
//	GET  /services/data/vNN.N/query   SOQL on UserPermissionAccess only
//	GET  /services/data/vNN.N/sobjects/User/describe
//
// Faithfulness notes (where Salesforce differs from plain RFC 6749):
//   - authorization codes look like "aPrx" + standard base64 ending in "==",
//     so they reach the callback as "%3D%3D" and often contain "%2B" / "%2F";
//   - the token reply has no expires_in; it carries signature and issued_at (ms);
//   - the identity service answers a bad token with 403 and the plain-text body
//     "Bad_OAuth_Token", while the REST API answers 401 INVALID_SESSION_ID;
//   - refresh tokens never expire unless revoked (policy "valid until revoked");
//     with rotation, presenting a retired token revokes its whole family, and a
//     user keeps at most MaxApprovals approvals per app (the oldest goes);
//   - revoke errors are form-encoded (error=...&error_description=...), not JSON;
//   - app policies (blocked app, admin-approved users) come back to the
//     callback as error=OAUTH_APP_BLOCKED / OAUTH_APP_ACCESS_DENIED;
//   - REST calls of an org or a user without API access answer 403
//     API_DISABLED_FOR_ORG ("The REST API is not enabled for this Organization.");
//   - StartTLS serves the org under its real login host
//     (https://<namespace>.my.salesforce.com) for every kind of org.
//
// docs/SALESFORCE.md lists the sources of each rule.
//
// Nothing sfsim logs or records in Events contains a secret, a code, a token or
// the state.
package sfsim
