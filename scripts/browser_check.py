#!/usr/bin/env python3
"""Drives the policydex page in headless Chromium over the DevTools protocol (standard library
only: a minimal WebSocket client) the way a user would: types a who-question into the search box,
moves to the first result with the arrow keys and opens it, opens a unit and a diff, saves a
screenshot of each, and asserts on the page's text. Also checks that a notice containing markup
shows it as text.

usage: browser_check.py CHROMIUM BASE_URL SCREENSHOT_DIR
"""
import base64, json, os, shutil, socket, struct, subprocess, sys, tempfile, time, urllib.parse, urllib.request

CHROMIUM, BASE, SHOTS = sys.argv[1], sys.argv[2].rstrip("/"), sys.argv[3]
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


class WebSocket:
    """Just enough of RFC 6455 for DevTools: text frames, client-side masking."""

    def __init__(self, url):
        u = urllib.parse.urlparse(url)
        self.sock = socket.create_connection((u.hostname, u.port), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {u.path} HTTP/1.1\r\nHost: {u.hostname}:{u.port}\r\nUpgrade: websocket\r\n"
                           f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            head += self.sock.recv(1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise RuntimeError("websocket handshake failed: " + head.decode(errors="replace"))

    def send(self, text):
        data = text.encode()
        mask = os.urandom(4)
        n = len(data)
        header = bytes([0x81]) + (bytes([0x80 | n]) if n < 126 else bytes([0x80 | 126]) + struct.pack(">H", n) if n < 65536
                                  else bytes([0x80 | 127]) + struct.pack(">Q", n))
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def _exact(self, n):
        buf = b""
        while len(buf) < n:
            chunk = self.sock.recv(n - len(buf))
            if not chunk:
                raise RuntimeError("websocket closed")
            buf += chunk
        return buf

    def recv(self):
        message = b""
        while True:
            b0, b1 = self._exact(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._exact(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._exact(8))[0]
            payload = self._exact(n)
            opcode = b0 & 0x0F
            if opcode == 0x8:
                raise RuntimeError("websocket closed by the browser")
            if opcode in (0x9, 0xA):
                continue
            message += payload
            if b0 & 0x80:
                return message.decode()


class Page:
    def __init__(self, ws):
        self.ws, self.next_id = ws, 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self.next_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})

    def eval(self, expression):
        r = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        return r.get("result", {}).get("value")

    def text(self):
        return self.eval("document.body.innerText") or ""

    def wait_for(self, expression, timeout=15):
        end = time.time() + timeout
        while time.time() < end:
            if self.eval(expression):
                return True
            time.sleep(0.1)
        return False

    def goto(self, url):
        self.call("Page.navigate", url=url)
        self.wait_for("document.readyState === 'complete'")

    def key(self, key, code=None, keycode=0):
        for kind in ("keyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent", type=kind, key=key, code=code or key, windowsVirtualKeyCode=keycode)

    def type(self, text):
        # One character at a time, as a keyboard (IME commit) would: each fires an input event.
        for ch in text:
            self.call("Input.insertText", text=ch)
            time.sleep(0.03)

    def screenshot(self, name, width=1280, height=900, mobile=False):
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=mobile)
        time.sleep(0.3)
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path = os.path.join(SHOTS, name)
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))
        print("     saved " + path)


def main():
    os.makedirs(SHOTS, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="policydex-chromium-")
    browser = subprocess.Popen([CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                "--remote-debugging-port=0", f"--user-data-dir={profile}", "--window-size=1280,900",
                                "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        port_file = os.path.join(profile, "DevToolsActivePort")
        for _ in range(300):
            if os.path.exists(port_file) and open(port_file).read().strip():
                break
            time.sleep(0.1)
        port = open(port_file).read().split()[0]
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
        ws_url = next(t["webSocketDebuggerUrl"] for t in targets if t.get("type") == "page")
        page = Page(WebSocket(ws_url))
        page.call("Page.enable")
        page.call("Runtime.enable")

        # 1. A who-question typed into the box: the answer card names the lead.
        page.goto(BASE + "/")
        page.eval("document.getElementById('q').focus()")
        page.type("谁牵头反恐防暴")
        check(page.wait_for("document.querySelector('#answer') !== null"), "typing a who-question shows a 谁牵头 answer card")
        answer = page.eval("document.querySelector('#answer') && document.querySelector('#answer').innerText") or ""
        check("安稳办" in answer, "the card names 安稳办 as the lead of 反恐防暴")
        check(page.eval("document.querySelectorAll('#hits > li').length") >= 1, "results are listed below the card")
        check("mark" in (page.eval("document.querySelector('#hits mark') && 'mark'") or ""), "snippets highlight the query's words")
        page.screenshot("who.png")

        # 2. Keyboard: / focuses the box; arrows select a result, Enter opens the task with its source lines.
        page.eval("document.activeElement.blur()")
        page.key("/", "Slash", 191)
        check(page.eval("document.activeElement && document.activeElement.id") == "q", "/ focuses the search box")
        page.eval("document.activeElement.blur()")
        page.key("ArrowDown", "ArrowDown", 40)
        check(page.wait_for("document.querySelector('#hits > li.selected') !== null", 3), "↓ selects the first result")
        page.key("Enter", "Enter", 13)
        check(page.wait_for("document.querySelector('#task-page #source') !== null"), "Enter opens the task page")
        text = page.text()
        check("出处" in text and "牵头" in text, "the task page shows its roles and source lines")
        check(page.eval("document.querySelectorAll('#source .ln').length") >= 1, "source lines carry line numbers")
        page.screenshot("task.png")

        # 3. The unit page: its tasks by role, newest year first.
        page.goto(BASE + "/#/unit/" + urllib.parse.quote("安稳办"))
        check(page.wait_for("document.querySelector('#unit-page table') !== null"), "the unit page lists tasks")
        years = page.eval("[...document.querySelectorAll('#unit-page tbody tr td:first-child')].map(td => td.innerText)") or []
        first_table = page.eval("[...document.querySelector('#unit-page table').querySelectorAll('tbody tr td:first-child')].map(td => td.innerText)") or []
        check(first_table == sorted(first_table, reverse=True), "a role's tasks are newest year first")
        check("牵头" in page.text() and len(years) >= 5, "安稳办 leads tasks")
        page.screenshot("unit.png")

        # 4. A diff: the newer edition against the previous one the server picks.
        page.goto(BASE + "/#/diff?new=" + urllib.parse.quote("qingchuan_2025.txt"))
        check(page.wait_for("document.querySelector('#headline li') !== null"), "the diff opens with its summary lines")
        text = page.text()
        check("qingchuan_2024" in (page.eval("document.getElementById('diff-old').value") or ""), "the previous edition is preselected")
        check("新增" in text and "取消" in text and "lead changed" in text, "added, removed and lead changes are shown")
        page.screenshot("diff.png")

        # 5. Markup inside a notice is shown as text, never run.
        page.goto(BASE + "/#/search?q=" + urllib.parse.quote("恶意标记测试"))
        check(page.wait_for("document.querySelectorAll('#hits > li').length > 0"), "the notice with markup is found")
        text = page.text()
        check("<script>alert(1)</script>" in text and "<img src=x onerror=" in text, "markup in a notice shows as its characters")
        check(page.eval("document.querySelectorAll('#hits img, #hits script').length") == 0, "no element is made from notice text")
        check(page.eval("window.__pwned === undefined"), "no script from a notice ran")

        # 6. Phone width: the page still reads (no horizontal scroll).
        page.goto(BASE + "/#/search?q=" + urllib.parse.quote("反诈谁牵头"))
        page.wait_for("document.querySelector('#answer') !== null")
        page.screenshot("phone.png", width=390, height=844, mobile=True)
        check(page.eval("document.documentElement.scrollWidth <= window.innerWidth + 1"), "no horizontal scroll at phone width")
    finally:
        browser.terminate()
        try:
            browser.wait(10)
        except subprocess.TimeoutExpired:
            browser.kill()
        shutil.rmtree(profile, ignore_errors=True)
    if failures:
        print(f"browser check: {len(failures)} failed")
        sys.exit(1)
    print("browser check: all passed")


if __name__ == "__main__":
    main()
