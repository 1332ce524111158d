package salesforce

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// apiVersion is one entry of GET /services/data/.
type apiVersion struct {
	Version string `json:"version"`
	URL     string `json:"url"`
	Label   string `json:"label"`
}

// LatestAPIVersion returns the highest REST API version the instance offers, e.g.
// "62.0". GET /services/data/ needs no authentication.
func (c *Client) LatestAPIVersion(ctx context.Context) (string, error) {
	u, err := c.endpoint("/services/data/", nil)
	if err != nil {
		return "", err
	}
	var versions []apiVersion
	if err := c.getJSON(ctx, u, false, &versions); err != nil {
		return "", fmt.Errorf("list API versions: %w", err)
	}
	bestMajor, bestMinor := -1, -1
	for _, v := range versions {
		major, minor, ok := parseVersion(v.Version)
		if !ok {
			continue
		}
		if major > bestMajor || major == bestMajor && minor > bestMinor {
			bestMajor, bestMinor = major, minor
		}
	}
	if bestMajor < 0 {
		return "", fmt.Errorf("list API versions: %w: no version listed", ErrBadResponse)
	}
	return fmt.Sprintf("%d.%d", bestMajor, bestMinor), nil
}

// parseVersion reads "62.0" (or "v62.0") as 62, 0.
func parseVersion(s string) (major, minor int, ok bool) {
	a, b, found := strings.Cut(strings.TrimPrefix(s, "v"), ".")
	if !found {
		return 0, 0, false
	}
	major, err1 := strconv.Atoi(a)
	minor, err2 := strconv.Atoi(b)
	if err1 != nil || err2 != nil || major < 1 || minor < 0 || a[0] == '+' || b[0] == '+' {
		return 0, 0, false
	}
	return major, minor, true
}

// manageUsersQuery asks for the running user's effective "Manage Users" permission,
// whatever profile or permission set grants it. UserPermissionAccess always holds
// exactly one row: the current user's.
const manageUsersQuery = "SELECT PermissionsManageUsers FROM UserPermissionAccess"

// CanManageUsers reports whether the authorized user holds "Manage Users", which
// the ID-governance connector needs to create and update Salesforce users.
func (c *Client) CanManageUsers(ctx context.Context) (bool, error) {
	version := c.APIVersion
	if version == "" {
		v, err := c.LatestAPIVersion(ctx)
		if err != nil {
			return false, err
		}
		version = v
	}
	major, minor, ok := parseVersion(version)
	if !ok {
		return false, fmt.Errorf("API version %q: %w", version, ErrBadResponse)
	}
	path := fmt.Sprintf("/services/data/v%d.%d/query", major, minor)
	u, err := c.endpoint(path, url.Values{"q": {manageUsersQuery}})
	if err != nil {
		return false, err
	}
	var result struct {
		TotalSize int  `json:"totalSize"`
		Done      bool `json:"done"`
		Records   []struct {
			PermissionsManageUsers *bool `json:"PermissionsManageUsers"`
		} `json:"records"`
	}
	if err := c.getJSON(ctx, u, true, &result); err != nil {
		return false, fmt.Errorf("query Manage Users permission: %w", err)
	}
	if len(result.Records) == 0 || result.Records[0].PermissionsManageUsers == nil {
		return false, fmt.Errorf("query Manage Users permission: %w: no PermissionsManageUsers in answer", ErrBadResponse)
	}
	return *result.Records[0].PermissionsManageUsers, nil
}
