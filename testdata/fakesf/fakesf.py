#!/usr/bin/env python3
"""An independent Salesforce-like OAuth server for sfconnect's acceptance test.

Written apart from internal/sfsim on purpose (another language, no shared
code), so that the CLI is checked against a second reading of Salesforce's
documented behaviour. Loopback only. Records issued refresh tokens,
refresh grants and revocations in files the test reads.

While the file named by --api-off exists, REST calls answer 403
API_DISABLED_FOR_ORG "The REST API is not enabled for this Organization.",
which is what REST answers both an edition without the API and a user
without "API Enabled" (REST API Developer Guide, "Supported Editions and
Required Permissions"; Sequin's docs, "Enable Salesforce API Access").

Revoke errors are form-encoded, as Salesforce sends them (omniphx/forrest
issue #213; jsforce src/oauth2.ts revokeToken parses them with querystring). Token
introspection follows RFC 7662 as Salesforce documents it ("OpenID Connect
Token Introspection"): the app's consumer key and secret, an answer with
"active", and no change to the token.
"""
import argparse, base64, hashlib, json, os, secrets, sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse, parse_qs, urlencode, quote

ORG, USER = "00D5j00000ABCDEFGH", "0055j00000XYZABCDE"
USERNAME = "admin@acceptance.example"
codes, access, refresh, revoked = {}, {}, {}, set()

def b64url(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()

class H(BaseHTTPRequestHandler):
    def log_message(self, fmt, *a):
        sys.stderr.write("fakesf: " + fmt % a + "\n")

    def reply(self, status, body, ctype="application/json;charset=UTF-8", headers=()):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def base(self):
        return "http://%s" % self.headers["Host"]

    def form_error(self, code, desc):
        # %20, not +, for spaces: the body Salesforce sends.
        body = "error=%s&error_description=%s" % (quote(code, safe=""), quote(desc, safe=""))
        return self.reply(400, body.encode(), "application/x-www-form-urlencoded;charset=UTF-8")

    def client_ok(self, f):
        cid, secret = f.get("client_id"), f.get("client_secret")
        auth = self.headers.get("Authorization", "")
        if auth.startswith("Basic "):
            cid, _, secret = base64.b64decode(auth[6:]).decode().partition(":")
        return cid == A.client_id and secret == A.client_secret

    def bearer_ok(self):
        auth = self.headers.get("Authorization", "")
        return auth.startswith("Bearer ") and auth[7:] in access

    def do_GET(self):
        u = urlparse(self.path)
        q = {k: v[0] for k, v in parse_qs(u.query).items()}
        if u.path == "/services/oauth2/authorize":
            if q.get("client_id") != A.client_id:
                return self.reply(400, b"<h1>error=invalid_client_id</h1>", "text/html")
            if q.get("redirect_uri") != A.redirect:  # exact match, never redirected
                return self.reply(400, b"<h1>error=redirect_uri_mismatch</h1>", "text/html")
            code = "aPrx" + base64.b64encode(secrets.token_bytes(40)).decode()  # ends in ==
            codes[code] = (q.get("code_challenge"), time.time())
            loc = A.redirect + "?" + urlencode({"code": code, "state": q.get("state", "")})
            return self.reply(302, b"", "text/plain", [("Location", loc)])
        if u.path == "/services/data/":
            return self.reply(200, [{"version": "62.0", "url": "/services/data/v62.0", "label": "Winter '25"}])
        if not self.bearer_ok():
            return self.reply(401, [{"message": "Session expired or invalid", "errorCode": "INVALID_SESSION_ID"}])
        if u.path == "/id/%s/%s" % (ORG, USER):
            return self.reply(200, {"username": USERNAME, "user_id": USER,
                                    "organization_id": ORG, "email": USERNAME,
                                    "display_name": "Acceptance Admin"})
        if u.path == "/services/oauth2/userinfo":
            return self.reply(200, {"preferred_username": USERNAME, "user_id": USER,
                                    "organization_id": ORG, "email": USERNAME})
        if u.path.startswith("/services/data/v") and A.api_off and os.path.exists(A.api_off):
            return self.reply(403, [{"message": "The REST API is not enabled for this Organization.",
                                     "errorCode": "API_DISABLED_FOR_ORG"}])
        if u.path.startswith("/services/data/v") and u.path.endswith("/query"):
            if "PermissionsManageUsers" in q.get("q", ""):
                return self.reply(200, {"totalSize": 1, "done": True, "records": [
                    {"attributes": {"type": "UserPermissionAccess"}, "PermissionsManageUsers": True}]})
            return self.reply(400, [{"message": "unsupported", "errorCode": "MALFORMED_QUERY"}])
        self.reply(404, [{"message": "not found", "errorCode": "NOT_FOUND"}])

    def do_POST(self):
        u = urlparse(self.path)
        n = int(self.headers.get("Content-Length") or 0)
        f = {k: v[0] for k, v in parse_qs(self.rfile.read(n).decode()).items()}
        err = lambda e, d: self.reply(400, {"error": e, "error_description": d})
        if u.path == "/services/oauth2/token":
            if f.get("client_id") != A.client_id:
                return err("invalid_client_id", "client identifier invalid")
            if f.get("grant_type") == "authorization_code":
                if f.get("client_secret") != A.client_secret:
                    return err("invalid_client", "invalid client credentials")
                entry = codes.pop(f.get("code", ""), None)
                if entry is None:
                    return err("invalid_grant", "invalid authorization code")
                challenge, _ = entry
                if f.get("redirect_uri") != A.redirect:
                    return err("redirect_uri_mismatch", "redirect_uri must match configuration")
                if challenge and b64url(hashlib.sha256(f.get("code_verifier", "").encode()).digest()) != challenge:
                    return err("invalid_grant", "invalid code verifier")
                rt = "5Aep" + secrets.token_urlsafe(60)
                at = ORG + "!" + secrets.token_urlsafe(80)
                refresh[rt] = True
                access[at] = rt
                with open(A.issued, "a") as fh:
                    fh.write(rt + "\n")
                return self.reply(200, {"access_token": at, "refresh_token": rt, "signature": b64url(secrets.token_bytes(32)),
                                        "scope": "api refresh_token", "instance_url": self.base(),
                                        "id": "%s/id/%s/%s" % (self.base(), ORG, USER), "token_type": "Bearer",
                                        "issued_at": str(int(time.time() * 1000))})
            if f.get("grant_type") == "refresh_token":
                rt = f.get("refresh_token", "")
                if not refresh.get(rt):
                    return err("invalid_grant", "expired access/refresh token")
                if A.refreshed:
                    with open(A.refreshed, "a") as fh:
                        fh.write(rt + "\n")
                at = ORG + "!" + secrets.token_urlsafe(80)
                access[at] = rt
                return self.reply(200, {"access_token": at, "signature": b64url(secrets.token_bytes(32)),
                                        "scope": "api refresh_token", "instance_url": self.base(),
                                        "id": "%s/id/%s/%s" % (self.base(), ORG, USER), "token_type": "Bearer",
                                        "issued_at": str(int(time.time() * 1000))})
            return err("unsupported_grant_type", "grant type not supported")
        if u.path == "/services/oauth2/revoke":
            tok = f.get("token", "")
            if tok in revoked:
                return self.form_error("invalid_token", "invalid token")
            if tok not in refresh and tok not in access:
                return self.form_error("unsupported_token_type", "this token type is not supported")
            refresh.pop(tok, None)
            revoked.add(tok)
            with open(A.revoked, "a") as fh:
                fh.write(tok + "\n")
            return self.reply(200, b"", "text/plain")
        if u.path == "/services/oauth2/introspect":
            if not self.client_ok(f):
                return self.reply(401, {"error": "invalid_client", "error_description": "invalid client credentials"})
            tok = f.get("token", "")
            if refresh.get(tok):
                return self.reply(200, {"active": True, "scope": "api refresh_token", "client_id": A.client_id,
                                        "username": USERNAME, "sub": "%s/id/%s/%s" % (self.base(), ORG, USER),
                                        "token_type": "refresh_token"})
            return self.reply(200, {"active": False})
        self.reply(404, [{"message": "not found", "errorCode": "NOT_FOUND"}])

p = argparse.ArgumentParser()
p.add_argument("--port", type=int, required=True)
p.add_argument("--client-id", required=True)
p.add_argument("--client-secret", required=True)
p.add_argument("--redirect", required=True)
p.add_argument("--issued", required=True)
p.add_argument("--revoked", required=True)
p.add_argument("--refreshed", help="file that records each refresh grant's token")
p.add_argument("--api-off", help="while this file exists, REST answers 403 API_DISABLED_FOR_ORG")
A = p.parse_args()
ThreadingHTTPServer(("127.0.0.1", A.port), H).serve_forever()
