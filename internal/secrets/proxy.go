package secrets

// ProxyAccount returns the keychain account of a proxy user's password:
// "proxy/<user>". A profile name cannot contain "/", so it never meets an
// account made by Account.
func ProxyAccount(user string) string { return "proxy/" + user }
