package profile

// Network is how a connection reaches Salesforce from this computer: the
// settings it was made with, so that later commands on it (verify, reauth,
// delete, doctor, check) and the window's health check go the same way. None of it is a secret: the proxy password is in
// the keychain. It is not part of an export, because another computer sits
// on another network.
type Network struct {
	Proxy     string `json:"proxy,omitempty"`      // proxy URL, "direct", or ""
	PAC       string `json:"pac,omitempty"`        // PAC file URL, or ""
	ProxyUser string `json:"proxy_user,omitempty"` // user for proxy Basic authentication
	CAFile    string `json:"ca_file,omitempty"`    // extra root certificates (PEM or DER)
}
