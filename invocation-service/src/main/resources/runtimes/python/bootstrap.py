"""Ignis's Python runtime: the Lambda Runtime API loop, standard library only.

Loads the handler named by _HANDLER ("module.function", module paths with dots or slashes) from
LAMBDA_TASK_ROOT, then serves events from AWS_LAMBDA_RUNTIME_API until the process is stopped.
Imported as a module (so its bytecode is cached) and started with main(). Every import here is
paid on each cold start: traceback is only imported when something fails.
"""
import _json
import _socket
import importlib
import os
import sys
import time

API = "/2018-06-01/runtime"


class Json:
    """json.loads/json.dumps with the same output, built straight on the C accelerator: the json
    package imports re, enum and functools, which cost about 10 ms of every cold start."""

    _CONSTANTS = {"-Infinity": float("-inf"), "Infinity": float("inf"), "NaN": float("nan")}
    _WHITESPACE = " \t\n\r"

    class _Context:
        strict = True
        object_hook = None
        object_pairs_hook = None
        parse_float = float
        parse_int = int
        parse_constant = None

    _Context.parse_constant = _CONSTANTS.__getitem__
    _scan = _json.make_scanner(_Context)

    @staticmethod
    def _default(value):
        raise TypeError("Object of type %s is not JSON serializable" % type(value).__name__)

    @classmethod
    def loads(cls, data):
        text = data.decode("utf-8") if isinstance(data, (bytes, bytearray)) else data
        start = len(text) - len(text.lstrip(cls._WHITESPACE))
        try:
            value, end = cls._scan(text, start)
        except StopIteration:
            raise ValueError("Expecting value: char %d" % start) from None
        if text[end:].strip(cls._WHITESPACE):
            raise ValueError("Extra data: char %d" % end)
        return value

    @classmethod
    def dumps(cls, value):
        encode = _json.make_encoder(
            {}, cls._default, _json.encode_basestring_ascii, None, ": ", ", ", False, False, True)
        return "".join(encode(value, 0))


class RuntimeApi:
    """A keep-alive HTTP/1.1 client for the Runtime API on the bare _socket module: http.client
    parses headers with the email package, and socket.py alone imports enum and selectors."""

    def __init__(self, address):
        host, _, port = address.rpartition(":")
        self.address = (host, int(port))
        self.sock = None
        self.buffer = b""

    def _connect(self):
        family, kind, proto, _, address = _socket.getaddrinfo(
            self.address[0], self.address[1], 0, _socket.SOCK_STREAM)[0]
        sock = _socket.socket(family, kind, proto)
        try:
            sock.setsockopt(_socket.IPPROTO_TCP, _socket.TCP_NODELAY, 1)
            sock.connect(address)
        except OSError:
            sock.close()
            raise
        self.sock = sock
        self.buffer = b""

    def request(self, method, path, body=b"", headers=""):
        head = "%s %s%s HTTP/1.1\r\nHost: runtime\r\nContent-Length: %d\r\n%s\r\n" % (
            method, API, path, len(body), headers)
        for attempt in (0, 1):
            try:
                if self.sock is None:
                    self._connect()
                self.sock.sendall(head.encode("latin-1") + body)
                return self._response()
            except OSError:
                self.close()
                if attempt:
                    raise

    def _fill(self):
        chunk = self.sock.recv(65536)
        if not chunk:
            raise ConnectionError("Runtime API closed the connection")
        self.buffer += chunk

    def _response(self):
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end >= 0:
                break
            self._fill()
        lines = self.buffer[:end].decode("latin-1").split("\r\n")
        self.buffer = self.buffer[end + 4:]
        fields = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            fields[name.strip().lower()] = value.strip()
        length = int(fields.get("content-length", "0"))
        while len(self.buffer) < length:
            self._fill()
        body, self.buffer = self.buffer[:length], self.buffer[length:]
        return int(lines[0][9:12]), fields, body

    def close(self):
        if self.sock is not None:
            self.sock.close()
        self.sock = None

    def next(self):
        return self.request("GET", "/invocation/next")

    def respond(self, request_id, payload):
        self.request("POST", "/invocation/%s/response" % request_id, payload)

    def fail(self, path, error_type, payload):
        self.request("POST", path, payload, "Lambda-Runtime-Function-Error-Type: %s\r\n" % error_type)


class CognitoIdentity:
    def __init__(self, raw):
        self.cognito_identity_id = raw.get("cognitoIdentityId")
        self.cognito_identity_pool_id = raw.get("cognitoIdentityPoolId")


class Client:
    def __init__(self, raw):
        self.installation_id = raw.get("installation_id")
        self.app_title = raw.get("app_title")
        self.app_version_name = raw.get("app_version_name")
        self.app_version_code = raw.get("app_version_code")
        self.app_package_name = raw.get("app_package_name")


class ClientContext:
    def __init__(self, raw):
        self.client = Client(raw["client"]) if raw.get("client") else None
        self.custom = raw.get("custom")
        self.env = raw.get("env")


class LambdaContext:
    # The same for every invoke of this environment: read once.
    function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
    function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
    memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
    log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
    log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")

    def __init__(self, request_id, deadline_ms, function_arn, client_context, identity):
        self.aws_request_id = request_id
        self.invoked_function_arn = function_arn
        self.client_context = ClientContext(Json.loads(client_context)) if client_context else None
        self.identity = CognitoIdentity(Json.loads(identity) if identity else {})
        self._deadline_ms = deadline_ms

    def get_remaining_time_in_millis(self):
        return max(0, self._deadline_ms - int(time.time() * 1000))


class Invocation:
    request_id = ""


def configure_logging(logging):
    """Lambda's root logger format: level, UTC time, request id, message."""

    class RequestIdFilter(logging.Filter):
        def filter(self, record):
            record.aws_request_id = Invocation.request_id
            return True

    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter(
        "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s", "%Y-%m-%dT%H:%M:%S"))
    handler.formatter.converter = time.gmtime
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(logging.WARNING)


class ConfigureLoggingOnImport:
    """Importing logging costs more than the rest of this runtime; functions that never use it
    should not pay. The root logger is set up the moment the function first imports logging."""

    def find_spec(self, name, path=None, target=None):
        if name != "logging":
            return None
        sys.meta_path.remove(self)
        from importlib.machinery import PathFinder
        spec = PathFinder.find_spec(name, path)
        load = spec.loader.exec_module

        def exec_module(module):
            load(module)
            configure_logging(module)

        spec.loader.exec_module = exec_module
        return spec


def error_body(error_type, message, stack=None, request_id=""):
    return Json.dumps({"errorMessage": message, "errorType": error_type, "requestId": request_id,
                       "stackTrace": stack or []}).encode()


def load_handler(spec):
    try:
        module_path, function_name = spec.rsplit(".", 1)
    except ValueError:
        return None, ("Runtime.MalformedHandlerName",
                      "Bad handler '%s': not enough values to unpack (expected 2, got 1)" % spec)
    module_name = module_path.replace("/", ".")
    try:
        module = importlib.import_module(module_name)
    except SyntaxError as e:
        return None, ("Runtime.UserCodeSyntaxError", "Syntax error in module '%s': %s" % (module_name, e))
    except ImportError as e:
        return None, ("Runtime.ImportModuleError", "Unable to import module '%s': %s" % (module_name, e))
    except Exception as e:  # the module's own code failed at import
        import traceback
        return None, (type(e).__name__, "%s" % e, traceback.format_list(traceback.extract_tb(e.__traceback__)))
    handler = getattr(module, function_name, None)
    if handler is None:
        return None, ("Runtime.HandlerNotFound", "Handler '%s' missing on module '%s'" % (function_name, module_name))
    return handler, None


def main():
    sys.stdout.reconfigure(line_buffering=True)
    sys.stderr.reconfigure(line_buffering=True)
    task_root = os.environ.get("LAMBDA_TASK_ROOT", os.getcwd())
    version = "python%d.%d" % sys.version_info[:2]
    for path in reversed([task_root, "/opt/python/lib/%s/site-packages" % version, "/opt/python"]):
        if path not in sys.path:
            sys.path.insert(0, path)
    sys.meta_path.insert(0, ConfigureLoggingOnImport())
    api = RuntimeApi(os.environ["AWS_LAMBDA_RUNTIME_API"])

    handler, failure = load_handler(os.environ.get("_HANDLER", ""))
    if failure:
        error_type, message = failure[0], failure[1]
        stack = failure[2] if len(failure) > 2 else []
        print("[ERROR] %s: %s" % (error_type, message), flush=True)
        api.fail("/init/error", error_type, error_body(error_type, message, stack))
        sys.exit(1)

    while True:
        _, headers, body = api.next()
        request_id = headers.get("lambda-runtime-aws-request-id")
        trace_id = headers.get("lambda-runtime-trace-id")
        if trace_id:
            os.environ["_X_AMZN_TRACE_ID"] = trace_id
        Invocation.request_id = request_id
        context = LambdaContext(request_id, int(headers.get("lambda-runtime-deadline-ms", "0")),
                                headers.get("lambda-runtime-invoked-function-arn"),
                                headers.get("lambda-runtime-client-context"),
                                headers.get("lambda-runtime-cognito-identity"))
        try:
            event = Json.loads(body) if body else {}
            result = handler(event, context)
        except Exception as e:
            import traceback
            stack = traceback.format_list(traceback.extract_tb(e.__traceback__)[1:])
            error_type = type(e).__name__
            print("[ERROR] %s: %s\nTraceback (most recent call last):\n%s" % (error_type, e, "".join(stack)),
                  end="", flush=True)
            api.fail("/invocation/%s/error" % request_id, error_type, error_body(error_type, str(e), stack, request_id))
            continue
        try:
            payload = Json.dumps(result).encode()
        except (TypeError, ValueError) as e:
            message = "Unable to marshal response: %s" % e
            print("[ERROR] Runtime.MarshalError: %s" % message, flush=True)
            api.fail("/invocation/%s/error" % request_id, "Runtime.MarshalError",
                     error_body("Runtime.MarshalError", message, [], request_id))
            continue
        api.respond(request_id, payload)

