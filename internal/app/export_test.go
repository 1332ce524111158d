package app

import "time"

// SetCheckTimeout shortens CheckOne's limit for a test.
func SetCheckTimeout(s *Service, d time.Duration) { s.checkTimeout = d }
