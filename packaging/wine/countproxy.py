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
        body = b"sfconnect wine-test proxy: counted, not forwarded\n"
        self.wfile.write(b"HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/plain\r\n"
                         b"Content-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(body), body))


class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True


if __name__ == "__main__":
    with Server(("127.0.0.1", 0), Handler) as srv:
        with open(sys.argv[1], "w") as f:
            f.write("%d\n" % srv.server_address[1])
        srv.serve_forever()
