#!/usr/bin/env python3
"""Bounded memory per request (issue 15): 64 parallel maximum-size uploads (CreateFunction bodies just
under AWS's 69,905,067-byte limit) against a gateway with its default heap, half of them unsigned,
while another caller keeps listing functions. Samples the gateway's heap (its management port) and
peak RSS, and prints one JSON line. The gateway's management backend is a local sink that reads and
discards bodies, so only the gateway is measured. Loopback only; bounded by --uploads and a deadline.
Standard library only; run by bench/memory/gateway-uploads.sh.
"""
import argparse, datetime, hashlib, hmac, http.client, http.server, json, os, socketserver, sys
import threading, time, urllib.request


def sign_headers(method, host, path, payload_hash):
    now = datetime.datetime.now(datetime.timezone.utc)
    amz_date, day = now.strftime("%Y%m%dT%H%M%SZ"), now.strftime("%Y%m%d")
    headers = {"host": host, "x-amz-date": amz_date}
    signed = ";".join(sorted(headers))
    canonical = "\n".join([method, path, "", "".join(f"{k}:{headers[k]}\n" for k in sorted(headers)),
                           signed, payload_hash])
    scope = f"{day}/us-east-1/lambda/aws4_request"
    to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()])
    k = hmac.new(b"AWS4test", day.encode(), hashlib.sha256).digest()
    for part in ("us-east-1", "lambda", "aws4_request"):
        k = hmac.new(k, part.encode(), hashlib.sha256).digest()
    return {"X-Amz-Date": amz_date, "Authorization": "AWS4-HMAC-SHA256 Credential=test/" + scope
            + ", SignedHeaders=" + signed + ", Signature=" + hmac.new(k, to_sign.encode(), hashlib.sha256).hexdigest()}


class Sink(http.server.BaseHTTPRequestHandler):
    """The registry's place: reads every body to its end, keeps nothing, answers 200."""
    protocol_version = "HTTP/1.1"

    def _answer(self):
        remaining = int(self.headers.get("Content-Length") or 0)
        while remaining > 0:
            chunk = self.rfile.read(min(remaining, 1 << 20))
            if not chunk:
                break
            remaining -= len(chunk)
        body = b'{"Functions":[]}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = _answer

    def log_message(self, *args):
        pass


def upload(port, body, body_hash, signed, results, index):
    path = "/2015-03-31/functions"
    headers = {"Content-Type": "application/json", "Content-Length": str(len(body))}
    if signed:
        headers.update(sign_headers("POST", f"127.0.0.1:{port}", path, body_hash))
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    try:
        connection.putrequest("POST", path, skip_host=True, skip_accept_encoding=True)
        connection.putheader("Host", f"127.0.0.1:{port}")
        for name, value in headers.items():
            connection.putheader(name, value)
        connection.endheaders()
        view = memoryview(body)
        for at in range(0, len(body), 1 << 20):
            connection.send(view[at:at + (1 << 20)])
        response = connection.getresponse()
        response.read()
        results[index] = response.status
    except (OSError, http.client.HTTPException) as error:
        # An unsigned upload is refused from its headers and the connection closed under it.
        results[index] = "closed:" + type(error).__name__
    finally:
        connection.close()


def heap_used(management_port):
    url = f"http://127.0.0.1:{management_port}/actuator/metrics/jvm.memory.used?tag=area:heap"
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.load(response)["measurements"][0]["value"]


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--management-port", type=int, required=True)
    parser.add_argument("--sink-port", type=int, required=True)
    parser.add_argument("--gateway-pid", type=int, required=True)
    parser.add_argument("--uploads", type=int, default=64)
    parser.add_argument("--bytes", type=int, default=69_905_066)
    parser.add_argument("--deadline-seconds", type=int, default=900)
    args = parser.parse_args()

    sink = socketserver.ThreadingTCPServer(("127.0.0.1", args.sink_port), Sink)
    sink.daemon_threads = True
    threading.Thread(target=sink.serve_forever, daemon=True).start()

    prefix, suffix = b'{"FunctionName":"big","Code":{"ZipFile":"', b'"}}'
    body = prefix + b"A" * (args.bytes - len(prefix) - len(suffix)) + suffix
    body_hash = hashlib.sha256(body).hexdigest()
    results = [None] * args.uploads
    threads = [threading.Thread(target=upload, args=(args.port, body, body_hash, i % 2 == 0, results, i))
               for i in range(args.uploads)]
    done = threading.Event()
    heap, probes = [], {"ok": 0, "failed": 0}

    def sample():
        while not done.is_set():
            try:
                heap.append(heap_used(args.management_port))
            except OSError:
                pass
            time.sleep(0.2)

    def other_caller():
        while not done.is_set():
            path = "/2015-03-31/functions/"
            request = urllib.request.Request(f"http://127.0.0.1:{args.port}{path}")
            for name, value in sign_headers("GET", f"127.0.0.1:{args.port}", path, hashlib.sha256(b"").hexdigest()).items():
                request.add_header(name, value)
            request.add_header("Host", f"127.0.0.1:{args.port}")
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    probes["ok" if response.status == 200 else "failed"] += 1
            except OSError:
                probes["failed"] += 1
            time.sleep(0.25)

    baseline = heap_used(args.management_port)
    helpers = [threading.Thread(target=sample, daemon=True), threading.Thread(target=other_caller, daemon=True)]
    started = time.time()
    for thread in helpers + threads:
        thread.start()
    for thread in threads:
        thread.join(max(1, args.deadline_seconds - (time.time() - started)))
    done.set()
    signed = [r for i, r in enumerate(results) if i % 2 == 0]
    unsigned = [r for i, r in enumerate(results) if i % 2 == 1]
    print(json.dumps({
        "uploads": args.uploads, "bytesEach": len(body), "seconds": round(time.time() - started, 1),
        "signedAnswered200": sum(1 for r in signed if r == 200),
        "signedOther": [r for r in signed if r != 200],
        "unsignedRefused": sum(1 for r in unsigned if r == 403 or (isinstance(r, str) and r.startswith("closed"))),
        "unsignedOther": [r for r in unsigned if not (r == 403 or (isinstance(r, str) and r.startswith("closed")))],
        "otherCallerOk": probes["ok"], "otherCallerFailed": probes["failed"],
        "heapBaselineMB": round(baseline / 2**20, 1), "heapPeakMB": round(max(heap or [0]) / 2**20, 1),
        "heapSamples": len(heap), "peakRssMB": peak_rss_mb(args.gateway_pid)}))


if __name__ == "__main__":
    sys.exit(main())
