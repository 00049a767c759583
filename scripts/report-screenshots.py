#!/usr/bin/env python3
"""Render report pages in headless Chromium to PNG, at desktop size and as printed on A4, and fail on any console
error, uncaught exception or failed request (scripts/report-screenshots.sh drives it; .ci/run runs that after the
demo).

    python3 scripts/report-screenshots.py OUT_FOLDER PAGE.html [PAGE.html ...]

For every page: OUT_FOLDER/<name>-desktop.png (1280 px wide, the whole page) and OUT_FOLDER/<name>-a4.png (print
media, 794 px wide: A4 at 96 dpi), each also as <...>-first.png: the first screen or sheet alone. Talks to Chromium over the DevTools protocol with a small WebSocket client of its
own (standard library only). Exit 0: every page rendered cleanly; 1: a page had errors (listed); 2: Chromium failed.
"""
import base64, json, os, random, shutil, socket, struct, subprocess, sys, tempfile, time, urllib.request


class DevTools:
    """A minimal WebSocket client (RFC 6455, text frames, client masking) for one DevTools target."""

    def __init__(self, url):
        rest = url[len("ws://"):]
        hostport, path = rest.split("/", 1)
        host, port = hostport.split(":")
        self.sock = socket.create_connection((host, int(port)), timeout=60)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET /{path} HTTP/1.1\r\nHost: {hostport}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                           f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        response = b""
        while b"\r\n\r\n" not in response:
            response += self.sock.recv(4096)
        if b" 101 " not in response.split(b"\r\n", 1)[0]:
            raise RuntimeError("DevTools refused the WebSocket: " + response.decode(errors="replace"))
        self.buffer = response.split(b"\r\n\r\n", 1)[1]
        self.next_id = 0
        self.events = []

    def _recv_exact(self, n):
        while len(self.buffer) < n:
            chunk = self.sock.recv(1 << 20)
            if not chunk:
                raise RuntimeError("DevTools closed the connection")
            self.buffer += chunk
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def _recv_message(self):
        message = b""
        while True:
            b1, b2 = self._recv_exact(2)
            length = b2 & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._recv_exact(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._recv_exact(8))[0]
            payload = self._recv_exact(length)
            message += payload
            if b1 & 0x80:
                return json.loads(message.decode())

    def send(self, method, **params):
        self.next_id += 1
        data = json.dumps({"id": self.next_id, "method": method, "params": params}).encode()
        header = bytes([0x81])
        if len(data) < 126:
            header += bytes([0x80 | len(data)])
        elif len(data) < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", len(data))
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", len(data))
        mask = os.urandom(4)
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))
        while True:
            message = self._recv_message()
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def drain(self, seconds):
        """Collects events for a while (late console messages, failed requests)."""
        self.sock.settimeout(seconds)
        try:
            while True:
                self.events.append(self._recv_message())
        except (socket.timeout, TimeoutError):
            pass
        finally:
            self.sock.settimeout(60)


def problems_in(events):
    found = []
    for e in events:
        method, p = e.get("method"), e.get("params", {})
        if method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert", "warning"):
            found.append("console " + p["type"] + ": " + " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            d = p.get("exceptionDetails", {})
            found.append("exception: " + d.get("text", "") + " " + str(d.get("exception", {}).get("description", "")))
        elif method == "Log.entryAdded" and p.get("entry", {}).get("level") in ("error", "warning"):
            entry = p["entry"]
            found.append(f"log {entry['level']} ({entry.get('source')}): {entry.get('text')} {entry.get('url', '')}")
        elif method == "Network.loadingFailed":
            found.append(f"failed request: {p.get('errorText')} {p.get('blockedReason', '')}")
        elif method == "Network.requestWillBeSent":
            url = p.get("request", {}).get("url", "")
            if not url.startswith(("file:", "data:", "about:")):
                found.append("external request: " + url)
    return found


def capture(tools, url, out_png, width, height, print_media):
    tools.events.clear()
    tools.send("Emulation.setEmulatedMedia", media="print" if print_media else "screen")
    tools.send("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)
    tools.send("Page.navigate", url=url)
    deadline = time.time() + 30
    while time.time() < deadline:
        state = tools.send("Runtime.evaluate", expression="document.readyState", returnByValue=True)
        if state.get("result", {}).get("value") == "complete":
            break
        time.sleep(0.1)
    tools.drain(0.5)
    metrics = tools.send("Page.getLayoutMetrics")
    full = metrics.get("cssContentSize") or metrics.get("contentSize")
    page_height = min(int(full["height"]) + 1, 16000)
    shot = tools.send("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                      clip={"x": 0, "y": 0, "width": width, "height": page_height, "scale": 1})
    with open(out_png, "wb") as f:
        f.write(base64.b64decode(shot["data"]))
    # The first screen (desktop) or first sheet (A4) alone: what a reader sees before scrolling.
    first = tools.send("Page.captureScreenshot", format="png",
                       clip={"x": 0, "y": 0, "width": width, "height": min(height, page_height), "scale": 1})
    with open(out_png[:-4] + "-first.png", "wb") as f:
        f.write(base64.b64decode(first["data"]))
    return problems_in(tools.events)


def main():
    if len(sys.argv) < 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 64
    out, pages = sys.argv[1], sys.argv[2:]
    os.makedirs(out, exist_ok=True)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not chromium:
        print("chromium not found (Debian: apt-get install chromium)", file=sys.stderr)
        return 2
    profile = tempfile.mkdtemp(prefix="bpv-chromium-")
    port = random.randint(20000, 40000)
    proc = subprocess.Popen([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                             "--disable-extensions", "--disable-background-networking", "--hide-scrollbars",
                             f"--remote-debugging-port={port}", f"--user-data-dir={profile}", "about:blank"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        target = None
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=2) as r:
                    target = next((t for t in json.load(r) if t.get("type") == "page"), None)
                if target:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        if not target:
            print("chromium did not start its DevTools endpoint", file=sys.stderr)
            return 2
        tools = DevTools(target["webSocketDebuggerUrl"])
        for domain in ("Page", "Runtime", "Log", "Network"):
            tools.send(domain + ".enable")
        failures = 0
        for page in pages:
            url = "file://" + os.path.abspath(page)
            name = os.path.relpath(os.path.abspath(page), os.path.commonpath([os.path.abspath(p) for p in pages]) if len(pages) > 1 else os.path.dirname(os.path.abspath(page)))
            name = name.replace(os.sep, "_").rsplit(".", 1)[0]
            found = []
            for kind, width, height, print_media in (("desktop", 1280, 900, False), ("a4", 794, 1123, True)):
                png = os.path.join(out, f"{name}-{kind}.png")
                found += [f"{kind}: {p}" for p in capture(tools, url, png, width, height, print_media)]
                print(f"wrote {png}")
            if found:
                failures += 1
                print(f"FAILED  {page}", file=sys.stderr)
                for p in found:
                    print("        " + p, file=sys.stderr)
            else:
                print(f"ok      {page}")
        return 1 if failures else 0
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
