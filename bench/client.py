"""A small keep-alive HTTP client for latency measurements (standard library only).

Each Client holds one HTTP/1.1 connection to 127.0.0.1 and reconnects if the server closes it.
Times are wall-clock from sending the request to having read the whole body.
"""
import base64
import http.client
import json
import time
import urllib.parse


class Client:
    def __init__(self, port, host="127.0.0.1", timeout=30, user=None, password=None):
        self.host, self.port, self.timeout = host, port, timeout
        self.conn = None
        self.auth = None
        if user is not None:
            token = base64.b64encode(("%s:%s" % (user, password)).encode()).decode()
            self.auth = "Basic " + token

    def _connect(self):
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)

    def request(self, method, path, body=None, headers=None):
        """Answers (status, body bytes, seconds, response headers)."""
        hdrs = dict(headers or {})
        if self.auth:
            hdrs["Authorization"] = self.auth
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            hdrs["Content-Type"] = "application/json"
        for attempt in (0, 1):
            if self.conn is None:
                self._connect()
            try:
                t0 = time.perf_counter()
                self.conn.request(method, path, body=data, headers=hdrs)
                resp = self.conn.getresponse()
                payload = resp.read()
                dt = time.perf_counter() - t0
                if resp.getheader("Connection", "").lower() == "close":
                    self.close()
                return resp.status, payload, dt, dict(resp.getheaders())
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError,
                    http.client.CannotSendRequest, http.client.BadStatusLine):
                self.close()
                if attempt == 1:
                    raise
        raise AssertionError("unreachable")

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def get_json(self, path):
        status, body, dt, _ = self.get(path)
        return status, (json.loads(body) if status == 200 and body else None), dt

    def close(self):
        if self.conn is not None:
            try:
                self.conn.close()
            finally:
                self.conn = None


def quote_path(page):
    return urllib.parse.quote(page, safe="/")


def pct(values, p):
    """Nearest-rank percentile of a list of numbers (None when empty)."""
    if not values:
        return None
    xs = sorted(values)
    k = max(0, min(len(xs) - 1, int(round(p / 100.0 * len(xs) + 0.5)) - 1))
    return xs[k]
