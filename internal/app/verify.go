package app

import (
	"context"
	"errors"
	"net/url"
	"strings"

	"github.com/sfconnect/sfconnect/internal/oauthflow"
	"github.com/sfconnect/sfconnect/internal/salesforce"
)

// Status is the outcome of one check.
type Status int

// Check outcomes.
const (
	Pass Status = iota
	Warn
	Fail
)

// String names the status for logs and the CLI.
func (s Status) String() string {
	switch s {
	case Pass:
		return "pass"
	case Warn:
		return "warn"
	}
	return "fail"
}

// Check is one line of the verification checklist. Key and Args render it.
type Check struct {
	ID     string // "token", "identity", "scopes", "api", "manage_users", "instance", "refresh"
	Status Status
	Key    string
	Args   map[string]any
	// Detail, when set, is a translatable error that says more (why the
	// token's state is unknown); it is rendered after the line's text.
	Detail error
}

// Report is what the verification found.
type Report struct {
	Identity salesforce.Identity
	Checks   []Check
	Rotation bool // the org rotates refresh tokens: the exported one must not be refreshed
	// Deep is true for the report of a new connection or of VerifyDeep (which
	// uses the refresh token once introspection allows it), false for
	// Verify's introspection alone.
	Deep bool
	// Replaced is true when a deep check got a new refresh token from
	// rotation and stored it: the console's copy must be replaced now.
	Replaced bool
}

// Unanswered reports whether the report ends at its token line because
// Salesforce did not say whether the token is active and nothing else was
// checked: a Verify without an answer, or a deep check that would not present
// the token without one.
func (r Report) Unanswered() bool {
	return len(r.Checks) == 1 && r.Checks[0].ID == "token" && r.Checks[0].Status == Warn
}

// Failed returns the checks that failed.
func (r Report) Failed() []Check {
	var out []Check
	for _, c := range r.Checks {
		if c.Status == Fail {
			out = append(out, c)
		}
	}
	return out
}

func (r *Report) add(id string, st Status, key string, args map[string]any) {
	r.Checks = append(r.Checks, Check{ID: id, Status: st, Key: key, Args: args})
}

// verifyNew checks a freshly issued token: who authorized, the granted
// scopes, the instance, API access, the Manage Users permission and a
// refresh. It returns the refresh token to keep: with rotation on, the
// refresh replaced it. An org or user without API access is an
// *APIAccessError: no connector can work there, so there is nothing to keep.
func (s *Service) verifyNew(ctx context.Context, cfg oauthflow.Config, org salesforce.Org, overridden bool,
	tok *oauthflow.Token, p Progress) (Report, string, error) {
	r := Report{Deep: true}
	keep := tok.RefreshToken
	api := &salesforce.Client{HTTP: s.d.HTTP, InstanceURL: tok.InstanceURL, AccessToken: tok.AccessToken}

	p.report(StepIdentity)
	s.checkIdentity(ctx, &r, api, tok.ID)
	s.checkScopes(&r, tok.Scope)
	s.checkInstance(&r, org, cfg.LoginURL, overridden, tok.InstanceURL)
	p.report(StepPermissions)
	if err := s.checkAPI(ctx, &r, api); err != nil {
		return r, "", err
	}

	// One refresh proves the refresh token works. If it comes back with a new
	// refresh token, the org rotates them: keep the new one, and never refresh
	// again, or the token handed to the console would die.
	p.report(StepRefresh)
	nt, err := oauthflow.Refresh(ctx, cfg, tok.RefreshToken)
	switch d := unreached(err); {
	case d != nil:
		s.d.Logger.Warn("refresh check got no answer", "err", err)
		r.addUnreached("refresh", Fail, d)
	case err != nil:
		s.d.Logger.Warn("refresh check failed", "err", err)
		r.add("refresh", Fail, "app.check.refresh.fail", nil)
	case nt.RefreshToken != "" && nt.RefreshToken != tok.RefreshToken:
		keep = nt.RefreshToken
		r.Rotation = true
		r.add("refresh", Warn, "app.check.refresh.rotation", nil)
	default:
		r.add("refresh", Pass, "app.check.refresh.ok", nil)
	}
	return r, keep, nil
}

func (s *Service) checkIdentity(ctx context.Context, r *Report, api *salesforce.Client, idURL string) {
	id, err := api.Identity(ctx, idURL)
	if err != nil {
		s.d.Logger.Warn("identity check failed", "err", err)
		if d := unreached(err); d != nil {
			r.addUnreached("identity", Fail, d)
		} else {
			r.add("identity", Fail, "app.check.identity.fail", nil)
		}
		return
	}
	r.Identity = id
	r.add("identity", Pass, "app.check.identity.ok", map[string]any{"Username": id.Username, "OrgID": id.OrgID})
}

func (s *Service) checkScopes(r *Report, scope string) {
	missing := salesforce.MissingScopes(salesforce.ParseScopes(scope), salesforce.RequiredScopes...)
	if len(missing) > 0 {
		r.add("scopes", Fail, "app.check.scopes.missing", map[string]any{"Missing": strings.Join(missing, ", "), "Granted": scope})
		return
	}
	r.add("scopes", Pass, "app.check.scopes.ok", map[string]any{"Granted": scope})
}

// checkInstance compares the org the token belongs to with the one entered.
// Against a simulator on loopback the instance is the simulator itself.
func (s *Service) checkInstance(r *Report, org salesforce.Org, loginURL string, overridden bool, instance string) {
	if overridden && sameHost(loginURL, instance) {
		r.add("instance", Pass, "app.check.instance.simulator", map[string]any{"Instance": instance})
		return
	}
	if org.MatchesInstance(instance) {
		r.add("instance", Pass, "app.check.instance.ok", map[string]any{"Instance": instance})
		return
	}
	// The exported namespace would point the console at another org than the
	// one the token belongs to: that connection cannot work.
	r.add("instance", Fail, "app.check.instance.mismatch",
		map[string]any{"Instance": instance, "Expected": org.LoginURL()})
}

// checkAPI asks for the Manage Users permission through the REST API, which
// also tells whether the org and the user have API access at all. Without it
// (403 API_DISABLED_FOR_ORG or API_CURRENTLY_DISABLED) the check fails and
// an *APIAccessError is returned.
func (s *Service) checkAPI(ctx context.Context, r *Report, api *salesforce.Client) error {
	ok, err := api.CanManageUsers(ctx)
	var apiErr *salesforce.APIError
	if errors.As(err, &apiErr) && apiDisabled(apiErr.ErrorCode) {
		e := &APIAccessError{Code: apiErr.ErrorCode}
		key := "app.check.api.disabled_user"
		if e.Code == "API_DISABLED_FOR_ORG" {
			key = "app.check.api.disabled_org"
		}
		r.add("api", Fail, key, nil)
		return e
	}
	switch d := unreached(err); {
	case err != nil && errors.Is(err, salesforce.ErrUnauthorized):
		r.add("manage_users", Fail, "app.check.manage_users.unknown", nil)
	case d != nil:
		s.d.Logger.Warn("permission check got no answer", "err", err)
		r.addUnreached("manage_users", Warn, d)
	case err != nil:
		s.d.Logger.Warn("permission check failed", "err", err)
		r.add("manage_users", Warn, "app.check.manage_users.unknown", nil)
	case ok:
		r.add("manage_users", Pass, "app.check.manage_users.ok", nil)
	default:
		r.add("manage_users", Fail, "app.check.manage_users.missing", nil)
	}
	return nil
}

func sameHost(a, b string) bool {
	ua, err1 := url.Parse(a)
	ub, err2 := url.Parse(b)
	return err1 == nil && err2 == nil && ua.Host != "" && ua.Host == ub.Host
}
