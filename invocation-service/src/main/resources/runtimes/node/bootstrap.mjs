// Ignis's Node.js runtime: the Lambda Runtime API loop, Node's standard library only.
// Loads the handler named by _HANDLER ("dir/file.export[.nested]") from LAMBDA_TASK_ROOT, as CommonJS
// or ES module, async or callback style, then serves events from AWS_LAMBDA_RUNTIME_API.
import net from "node:net";
import fs from "node:fs";
import path from "node:path";
import util from "node:util";
import { pathToFileURL } from "node:url";

const API = "/2018-06-01/runtime";
const [host, port] = process.env.AWS_LAMBDA_RUNTIME_API.split(":");
const taskRoot = process.env.LAMBDA_TASK_ROOT || process.cwd();
let currentRequestId = undefined;

// A keep-alive HTTP/1.1 client on a raw socket: one request at a time, Content-Length bodies.
// node:http costs several times more per call, and this hop is on every warm invoke.
const HEADER_END = Buffer.from("\r\n\r\n");
let socket = null;
let pending = null;
let received = Buffer.alloc(0);

function connect() {
  socket = net.createConnection({ host, port: Number(port) });
  socket.setNoDelay(true);
  socket.on("data", (chunk) => {
    received = received.length ? Buffer.concat([received, chunk]) : chunk;
    parse();
  });
  const fail = (error) => {
    socket = null;
    received = Buffer.alloc(0);
    if (pending) {
      const { reject } = pending;
      pending = null;
      reject(error ?? new Error("Runtime API connection closed"));
    }
  };
  socket.on("error", fail);
  socket.on("close", () => fail());
}

function parse() {
  if (!pending) return;
  const end = received.indexOf(HEADER_END);
  if (end < 0) return;
  const lines = received.subarray(0, end).toString("latin1").split("\r\n");
  const headers = {};
  for (let i = 1; i < lines.length; i++) {
    const colon = lines[i].indexOf(":");
    if (colon > 0) headers[lines[i].slice(0, colon).trim().toLowerCase()] = lines[i].slice(colon + 1).trim();
  }
  const length = Number(headers["content-length"] ?? 0);
  const start = end + HEADER_END.length;
  if (received.length < start + length) return;
  const body = received.subarray(start, start + length);
  received = received.subarray(start + length);
  const { resolve } = pending;
  pending = null;
  resolve({ status: Number(lines[0].slice(9, 12)), headers, body });
}

function call(method, route, body = "", headers = {}) {
  const payload = typeof body === "string" ? Buffer.from(body) : body;
  let head = `${method} ${API}${route} HTTP/1.1\r\nHost: runtime\r\nContent-Length: ${payload.length}\r\n`;
  for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
  return new Promise((resolve, reject) => {
    if (!socket) connect();
    pending = { resolve, reject };
    socket.write(payload.length ? Buffer.concat([Buffer.from(head + "\r\n", "latin1"), payload]) : head + "\r\n");
  });
}

function errorBody(error) {
  const isError = error instanceof Error;
  return {
    errorType: isError ? error.name : typeof error,
    errorMessage: isError ? error.message : String(error),
    trace: isError && error.stack ? error.stack.split("\n") : [],
  };
}

function postError(route, type, body) {
  const json = JSON.stringify(body);
  return call("POST", route, json, { "Lambda-Runtime-Function-Error-Type": type });
}

// console.* in Lambda's format: timestamp, request id, level, message.
for (const [method, level] of [["log", "INFO"], ["info", "INFO"], ["warn", "WARN"], ["error", "ERROR"], ["debug", "DEBUG"], ["trace", "TRACE"]]) {
  console[method] = (...args) => {
    const line = `${new Date().toISOString()}\t${currentRequestId ?? "undefined"}\t${level}\t${util.format(...args)}`;
    process.stdout.write(line.replace(/\n/g, "\r") + "\n");
  };
}

async function loadHandler(spec) {
  const slash = spec.lastIndexOf("/");
  const dot = spec.indexOf(".", slash + 1);
  if (dot < 0) {
    throw Object.assign(new Error(`Bad handler ${spec}`), { name: "Runtime.MalformedHandlerName" });
  }
  const modulePath = spec.slice(0, dot);
  const exportPath = spec.slice(dot + 1).split(".");
  const file = [".js", ".mjs", ".cjs"].map((ext) => path.resolve(taskRoot, modulePath + ext)).find((f) => fs.existsSync(f));
  if (!file) {
    throw Object.assign(new Error(`Cannot find module '${path.basename(modulePath)}'`), { name: "Runtime.ImportModuleError" });
  }
  let mod;
  try {
    mod = await import(pathToFileURL(file).href);
  } catch (e) {
    if (e instanceof SyntaxError) {
      throw Object.assign(new Error(`${e.name}: ${e.message}`), { name: "Runtime.UserCodeSyntaxError" });
    }
    if (e && (e.code === "ERR_MODULE_NOT_FOUND" || e.code === "MODULE_NOT_FOUND")) {
      throw Object.assign(new Error(`${e.name}: ${e.message}`), { name: "Runtime.ImportModuleError" });
    }
    throw e;
  }
  const lookup = (root) => exportPath.reduce((obj, key) => (obj == null ? undefined : obj[key]), root);
  const handler = lookup(mod) ?? lookup(mod.default);
  if (typeof handler !== "function") {
    throw Object.assign(new Error(`${spec} is undefined or not exported`), { name: "Runtime.HandlerNotFound" });
  }
  return handler;
}

function context(headers) {
  const deadline = Number(headers["lambda-runtime-deadline-ms"]);
  const parse = (v) => (v ? JSON.parse(v) : undefined);
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: headers["lambda-runtime-invoked-function-arn"],
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: headers["lambda-runtime-aws-request-id"],
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    clientContext: parse(headers["lambda-runtime-client-context"]),
    identity: parse(headers["lambda-runtime-cognito-identity"]),
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}

function run(handler, event, ctx) {
  return new Promise((resolve, reject) => {
    const callback = (err, data) => (err ? reject(err) : resolve(data));
    ctx.done = callback;
    ctx.succeed = (data) => resolve(data);
    ctx.fail = (err) => reject(err ?? new Error("handled"));
    try {
      const result = handler(event, ctx, callback);
      if (result && typeof result.then === "function") {
        result.then(resolve, reject);
      } else if (handler.length < 3) {
        resolve(result);
      }
    } catch (e) {
      reject(e);
    }
  });
}

async function main() {
  let handler;
  try {
    handler = await loadHandler(process.env._HANDLER || "");
  } catch (e) {
    const body = errorBody(e);
    process.stdout.write(`${new Date().toISOString()}\tundefined\tERROR\tUncaught Exception \t${JSON.stringify(body)}\n`);
    await postError("/init/error", body.errorType, body);
    process.exit(1);
  }
  process.on("uncaughtException", async (e) => {
    const body = errorBody(e);
    console.error("Uncaught Exception", JSON.stringify(body));
    if (currentRequestId) {
      await postError(`/invocation/${currentRequestId}/error`, body.errorType, body).catch(() => {});
    }
    process.exit(129);
  });
  while (true) {
    const next = await call("GET", "/invocation/next");
    const requestId = next.headers["lambda-runtime-aws-request-id"];
    currentRequestId = requestId;
    if (next.headers["lambda-runtime-trace-id"]) {
      process.env._X_AMZN_TRACE_ID = next.headers["lambda-runtime-trace-id"];
    }
    try {
      const event = next.body.length ? JSON.parse(next.body.toString("utf8")) : {};
      const result = await run(handler, event, context(next.headers));
      const json = JSON.stringify(result === undefined ? null : result);
      await call("POST", `/invocation/${requestId}/response`, json);
    } catch (e) {
      const body = errorBody(e);
      console.error("Invoke Error \t" + JSON.stringify(body));
      await postError(`/invocation/${requestId}/error`, body.errorType, body);
    }
  }
}

main();
