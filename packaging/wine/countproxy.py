#!/usr/bin/env python3
"""A loopback HTTP proxy that counts what goes through it, for
scripts/wine-test.sh: it shows that sfconnect-cli.exe follows the proxy set
in Windows' Internet Options (the WinINet registry values), which Go's own
HTTP client ignores.

    countproxy.py PORTFILE LOG

It listens on 127.0.0.1 on a free port, writes the port to PORTFILE, and
appends one line per request to LOG ("CONNECT host:port" for HTTPS). It
forwards nothing: CONNECT is answered 502, so no call ever leaves this
machine, and the client sees a proxy that cannot reach the server.

Like many corporate proxies it also serves the PAC file that names it:
"GET /NAME.pac" answers a script that sends *.salesforce.com through this
proxy and everything else direct (logged as "GET /NAME.pac").
"""
import socketserver
import sys


class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        line = self.rfile.readline(65537).decode("latin-1").strip()
        while self.rfile.readline(65537) not in (b"\r\n", b"\n", b""):
            pass  # the headers: not needed
        method, _, rest = line.partition(" ")
        target = rest.rsplit(" ", 1)[0]
        with open(sys.argv[2], "a") as log:
            log.write("%s %s\n" % (method, target))
        if method == "GET" and target.startswith("/") and target.endswith(".pac"):
            self.reply(b"200 OK", b"application/x-ns-proxy-autoconfig", pac_script(self.server.server_address[1]))
            return
        self.reply(b"502 Bad Gateway", b"text/plain", b"sfconnect wine-test proxy: counted, not forwarded\n")

    def reply(self, status, ctype, body):
        self.wfile.write(b"HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n"
                         b"Connection: close\r\n\r\n%s" % (status, ctype, len(body), body))


def pac_script(port):
    """The PAC file: Salesforce through this proxy, the rest direct."""
    return (b'function FindProxyForURL(url, host) {\n'
            b'  if (shExpMatch(host, "*.salesforce.com")) return "PROXY 127.0.0.1:%d";\n'
            b'  return "DIRECT";\n}\n' % port)


class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True


if __name__ == "__main__":
    with Server(("127.0.0.1", 0), Handler) as srv:
        with open(sys.argv[1], "w") as f:
            f.write("%d\n" % srv.server_address[1])
        srv.serve_forever()
