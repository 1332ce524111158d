//go:build !windows

package callback

import "context"

// ExcludedPorts returns nil: only Windows excludes port ranges.
func ExcludedPorts(context.Context) ([]PortRange, error) { return nil, nil }
