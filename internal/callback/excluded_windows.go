//go:build windows

package callback

import (
	"context"
	"fmt"
	"os/exec"
	"syscall"
	"time"
)

// ExcludedPorts asks netsh for the TCP port ranges Windows excludes, for
// IPv4 and IPv6 (the listener serves both loopback addresses).
func ExcludedPorts(ctx context.Context) ([]PortRange, error) {
	var all []PortRange
	for _, family := range []string{"ipv4", "ipv6"} {
		cmd := exec.CommandContext(ctx, "netsh", "interface", family, "show", "excludedportrange", "protocol=tcp")
		// No console window flashes up when the GUI runs it.
		cmd.SysProcAttr = &syscall.SysProcAttr{HideWindow: true}
		// Once ctx ends, stop waiting for netsh's output after a second even
		// if a process still holds the pipe (seen under Wine): a cancelled
		// check must end, or the sign-in that cancelled it waits.
		cmd.WaitDelay = time.Second
		out, err := cmd.Output()
		if err != nil {
			if family == "ipv4" {
				return nil, fmt.Errorf("netsh %s excludedportrange: %w", family, err)
			}
			continue
		}
		all = append(all, ParseExcludedPorts(out)...)
	}
	return all, nil
}
