#!/usr/bin/env python3
"""Nothing acknowledged is lost: management calls through the gateway while the registry is killed
with SIGKILL at random points, then every acknowledged change is checked in the database (the
management API) and in invocation-service's view (invokes of $LATEST and of aliases).

Run by bench/crash/registry-crash.sh, which starts Kafka, invocation-service and the gateway with the
launcher; this script runs the registry itself so that it can kill and restart it. Loopback only,
bounded by --calls and --max-seconds. Standard library only.
"""
import argparse, datetime, hashlib, hmac, io, json, os, random, signal, subprocess, sys, threading
import time, urllib.error, urllib.request, zipfile

GATEWAY = "http://127.0.0.1:8080"  # --gateway
REGISTRY_READY = "http://127.0.0.1:8081/readyz"  # --registry
ROLE = "arn:aws:iam::000000000000:role/crash"
SHOWN = [0]  # the first few refusals are printed, to tell a broken run from a busy registry


def sign(method, url, body, key="test", secret="test", region="us-east-1"):
    """SigV4 for service lambda, as the AWS CLI signs (no X-Amz-Content-Sha256 header)."""
    parsed = urllib.parse.urlsplit(url)
    now = datetime.datetime.now(datetime.timezone.utc)
    amz_date, day = now.strftime("%Y%m%dT%H%M%SZ"), now.strftime("%Y%m%d")
    query = "&".join(sorted(parsed.query.split("&"))) if parsed.query else ""
    headers = {"host": parsed.netloc, "x-amz-date": amz_date}
    signed = ";".join(sorted(headers))
    canonical = "\n".join([method, parsed.path or "/", query,
                           "".join(f"{k}:{headers[k]}\n" for k in sorted(headers)), signed,
                           hashlib.sha256(body).hexdigest()])
    scope = f"{day}/{region}/lambda/aws4_request"
    to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()])
    k = hmac.new(("AWS4" + secret).encode(), day.encode(), hashlib.sha256).digest()
    for part in (region, "lambda", "aws4_request"):
        k = hmac.new(k, part.encode(), hashlib.sha256).digest()
    signature = hmac.new(k, to_sign.encode(), hashlib.sha256).hexdigest()
    return {"X-Amz-Date": amz_date, "Authorization":
            f"AWS4-HMAC-SHA256 Credential={key}/{scope}, SignedHeaders={signed}, Signature={signature}"}


def call(method, path, payload=None, timeout=30):
    """(status, headers, json-or-None); status None when the call got no answer at all."""
    url = GATEWAY + path
    body = b"" if payload is None else json.dumps(payload).encode()
    request = urllib.request.Request(url, data=body if payload is not None else None, method=method)
    for name, value in sign(method, url, body).items():
        request.add_header(name, value)
    if payload is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read()
            return response.status, dict(response.headers), (json.loads(raw) if raw.strip() else None)
    except urllib.error.HTTPError as error:
        raw = error.read()
        try:
            parsed = json.loads(raw) if raw.strip() else None
        except ValueError:
            parsed = None
        if 400 <= error.code < 500 and error.code != 404 and SHOWN[0] < 5:
            SHOWN[0] += 1
            print(f"{method} {path}: {error.code} {raw[:300]!r}", flush=True)
        return error.code, dict(error.headers), parsed
    except OSError:
        return None, {}, None


def package(generation):
    handler = ("import os\n# generation %d\n"
               "def handler(event, context):\n"
               "    return {'n': os.environ.get('COUNTER'), 'version': os.environ.get('AWS_LAMBDA_FUNCTION_VERSION')}\n"
               % generation)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("index.py", handler)
    return out.getvalue()


class Registry:
    """The registry process this script owns: started, killed with SIGKILL, started again."""

    def __init__(self, command, log):
        self.command, self.log, self.process, self.kills = command, log, None, 0

    def start(self):
        self.process = subprocess.Popen(self.command, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 600  # a loaded 2-core machine starts a Spring service slowly
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(REGISTRY_READY, timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            if self.process.poll() is not None:
                sys.exit("the registry exited while starting; see its log")
            time.sleep(0.2)
        self.kill()
        sys.exit("the registry did not become ready in 600 s")

    def kill(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()
            self.kills += 1

    def restart(self):
        self.kill()
        self.start()


class Function:
    def __init__(self, name):
        self.name, self.exists, self.code, self.n = name, False, None, None
        self.versions, self.aliases, self.uncertain = {}, {}, False


def step(fn, rng, counter):
    """One management call on fn; returns (operation, acknowledged, apply) where apply updates the model."""
    path = f"/2015-03-31/functions/{fn.name}"
    if not fn.exists:
        zipped = package(counter)
        status, _, body = call("POST", "/2015-03-31/functions", {
            "FunctionName": fn.name, "Runtime": "python3.12", "Role": ROLE, "Handler": "index.handler",
            "Code": {"ZipFile": __import__("base64").b64encode(zipped).decode()},
            "Environment": {"Variables": {"COUNTER": str(counter)}}})
        def apply():
            fn.exists, fn.code, fn.n = True, body["CodeSha256"], str(counter)
        return "create", status, apply
    op = rng.choices(["code", "config", "publish", "alias", "delete"], [3, 4, 3, 3, 1])[0]
    if op == "code":
        zipped = package(counter)
        status, _, body = call("PUT", path + "/code", {"ZipFile": __import__("base64").b64encode(zipped).decode()})
        return op, status, lambda: setattr(fn, "code", body["CodeSha256"])
    if op == "config":
        status, _, body = call("PUT", path + "/configuration", {"Environment": {"Variables": {"COUNTER": str(counter)}}})
        return op, status, lambda: setattr(fn, "n", str(counter))
    if op == "publish":
        status, _, body = call("POST", path + "/versions", {})
        def apply():
            fn.versions[body["Version"]] = (body["CodeSha256"], body.get("Environment", {}).get("Variables", {}).get("COUNTER"))
        return op, status, apply
    if op == "alias":
        if not fn.versions:
            return step_publish_instead(fn, path)
        alias = rng.choice(["live", "beta"])
        version = rng.choice(sorted(fn.versions, key=int))
        if alias in fn.aliases:
            status, _, body = call("PUT", f"{path}/aliases/{alias}", {"FunctionVersion": version})
        else:
            status, _, body = call("POST", f"{path}/aliases", {"Name": alias, "FunctionVersion": version})
        return "alias", status, lambda: fn.aliases.__setitem__(alias, version)
    status, _, _ = call("DELETE", path)
    def apply():
        fn.exists, fn.code, fn.n, fn.versions, fn.aliases = False, None, None, {}, {}
    return op, status, apply


def step_publish_instead(fn, path):
    status, _, body = call("POST", path + "/versions", {})
    def apply():
        fn.versions[body["Version"]] = (body["CodeSha256"], body.get("Environment", {}).get("Variables", {}).get("COUNTER"))
    return "publish", status, apply


def await_settled(fn):
    """Updates answer InProgress; the next update of the same function waits until it is Successful."""
    for _ in range(200):
        status, _, body = call("GET", f"/2015-03-31/functions/{fn.name}/configuration")
        if status == 200 and body.get("LastUpdateStatus") != "InProgress" and body.get("State") != "Pending":
            return
        if status == 404:
            return
        time.sleep(0.05)


def check(functions):
    """Every fact the acknowledged calls left, read back; returns (checked, lost, details)."""
    checked, lost, details = 0, 0, []
    def expect(what, actual, expected):
        nonlocal checked, lost
        checked += 1
        if actual != expected:
            lost += 1
            details.append(f"{what}: expected {expected!r}, found {actual!r}")
    for fn in functions:
        if fn.uncertain:
            continue
        path = f"/2015-03-31/functions/{fn.name}"
        status, _, body = call("GET", path)
        expect(f"{fn.name} exists", status == 200, fn.exists)
        status, headers, result = call("POST", path + "/invocations", {})
        if not fn.exists:
            expect(f"{fn.name} unknown to invocation-service", status, 404)
            continue
        if status != 200 or body is None:
            expect(f"{fn.name} readable", status, 200)
            continue
        config = body["Configuration"]
        expect(f"{fn.name} code", config["CodeSha256"], fn.code)
        expect(f"{fn.name} N", config.get("Environment", {}).get("Variables", {}).get("COUNTER"), fn.n)
        expect(f"{fn.name} invoke $LATEST sees N (answer {str(result)[:300]})", (result or {}).get("n"), fn.n)
        _, _, listed = call("GET", path + "/versions")
        versions = {v["Version"]: v["CodeSha256"] for v in (listed or {}).get("Versions", []) if v["Version"] != "$LATEST"}
        for version, (code, _) in fn.versions.items():
            expect(f"{fn.name}:{version} code", versions.get(version), code)
        _, _, aliases = call("GET", path + "/aliases")
        found = {a["Name"]: a["FunctionVersion"] for a in (aliases or {}).get("Aliases", [])}
        for alias, version in fn.aliases.items():
            expect(f"{fn.name}:{alias} -> version", found.get(alias), version)
            status, headers, _ = call("POST", f"{path}/invocations?Qualifier={alias}", {})
            expect(f"{fn.name}:{alias} invoke runs version", headers.get("X-Amz-Executed-Version"), version)
    return checked, lost, details


def main():
    global GATEWAY, REGISTRY_READY
    parser = argparse.ArgumentParser()
    parser.add_argument("--gateway", default=GATEWAY)
    parser.add_argument("--registry", default="http://127.0.0.1:8081")
    parser.add_argument("--calls", type=int, default=500)
    parser.add_argument("--functions", type=int, default=12)
    parser.add_argument("--kill-after-ack", type=float, default=0.04, help="chance of SIGKILL right after a 2xx")
    parser.add_argument("--kill-in-flight", type=float, default=0.02, help="chance of SIGKILL during a call")
    parser.add_argument("--max-seconds", type=int, default=900)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--registry-log", default="registry-crash.log")
    parser.add_argument("registry_command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    GATEWAY, REGISTRY_READY = args.gateway, args.registry + "/readyz"
    if args.registry_command[:1] == ["--"]:
        args.registry_command = args.registry_command[1:]
    rng = random.Random(args.seed)
    with open(args.registry_log, "ab") as log:
        registry = Registry(args.registry_command, log)
        registry.start()
        run = f"crash{int(time.time()) % 100000}"
        functions = [Function(f"{run}-{i}") for i in range(args.functions)]
        acknowledged = unanswered = refused = 0
        started = time.time()
        for counter in range(1, args.calls + 1):
            if time.time() - started > args.max_seconds:
                print(f"stopped after {args.max_seconds} s")
                break
            fn = rng.choice([f for f in functions if not f.uncertain] or functions)
            await_settled(fn)
            killer = None
            if rng.random() < args.kill_in_flight:
                killer = threading.Timer(rng.uniform(0, 0.05), registry.kill)
                killer.start()
            op, status, apply = step(fn, rng, counter)
            if killer:
                killer.join()
            if status is not None and 200 <= status < 300:
                acknowledged += 1
                apply()
                if rng.random() < args.kill_after_ack:
                    registry.restart()
            elif status is None or status >= 500:
                # No answer, or the gateway's 502/504: the change may or may not have committed.
                unanswered += 1
                fn.uncertain = True
            else:
                refused += 1  # a 4xx (e.g. 409 while an update is in progress) changed nothing

            if registry.process.poll() is not None:
                registry.start()
        registry.restart()
        time.sleep(3)  # the views catch up with the relay's last batch
        checked, lost, details = check(functions)
        registry.kill()
    certain = sum(1 for f in functions if not f.uncertain)
    print(json.dumps({"calls": counter, "acknowledged": acknowledged, "unanswered": unanswered,
                      "refused4xx": refused, "registryKills": registry.kills,
                      "functionsChecked": certain, "factsChecked": checked, "lost": lost}))
    for line in details:
        print("LOST " + line)
    return 1 if lost else 0


if __name__ == "__main__":
    import urllib.parse
    sys.exit(main())
