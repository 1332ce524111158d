package salesforce_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/sfconnect/sfconnect/internal/salesforce"
	"github.com/sfconnect/sfconnect/internal/sfsim"
)

// The simulator and this client were written from the same Salesforce facts; these
// checks catch a drift between them on the calls that need no OAuth round trip.
func TestClientAgainstSimulator(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	run, err := sfsim.Start(ctx, sfsim.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(run.Close)
	c := &salesforce.Client{InstanceURL: run.URL, AccessToken: "not-a-live-token"}

	v, err := c.LatestAPIVersion(ctx)
	if err != nil || !slices.Contains(sfsim.APIVersions, v) {
		t.Fatalf("LatestAPIVersion = %q, %v; simulator offers %v", v, err, sfsim.APIVersions)
	}
	for _, other := range sfsim.APIVersions {
		if other != v && !olderVersion(other, v) {
			t.Errorf("picked %s but %s is newer", v, other)
		}
	}
	c.APIVersion = v
	if _, err := c.CanManageUsers(ctx); !errors.Is(err, salesforce.ErrUnauthorized) {
		t.Errorf("CanManageUsers with a dead token = %v, want ErrUnauthorized", err)
	}
	if _, err := c.Identity(ctx, ""); !errors.Is(err, salesforce.ErrUnauthorized) {
		t.Errorf("userinfo with a dead token = %v, want ErrUnauthorized", err)
	}
	if _, err := c.Identity(ctx, run.URL+"/id/00D000000000001/005000000000001"); !errors.Is(err, salesforce.ErrUnauthorized) {
		t.Errorf("identity URL with a dead token = %v, want ErrUnauthorized", err)
	}
}

func olderVersion(a, b string) bool {
	var am, an, bm, bn int
	if _, err := fmt.Sscanf(a, "%d.%d", &am, &an); err != nil {
		return false
	}
	if _, err := fmt.Sscanf(b, "%d.%d", &bm, &bn); err != nil {
		return false
	}
	return am < bm || am == bm && an < bn
}
