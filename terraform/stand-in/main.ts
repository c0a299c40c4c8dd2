// The okta provider stand-in as a Terraform plugin process: Terraform starts it, it answers
// HashiCorp go-plugin's handshake on stdout, and serves protocol 6 over gRPC on loopback with
// go-plugin's automatic mutual TLS. See docs/deploying.md, "Terraform checks every stack".
import * as path from "path";
import { X509Certificate, generateKeyPairSync } from "crypto";
import * as fs from "fs";
import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";
import type * as Forge from "node-forge";
import { HANDLERS } from "./provider";

/** go-plugin's handshake for Terraform providers: this cookie, app protocol 6. */
const MAGIC_COOKIE_KEY = "TF_PLUGIN_MAGIC_COOKIE";
const MAGIC_COOKIE_VALUE = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";
const PROTOCOL_VERSION = 6;

/**
 * A self-signed server certificate as go-plugin's AutoMTLS expects: the client pins it as its
 * only root, for the name "localhost", so it is a CA certificate for server and client auth.
 */
function serverCertificate(): { certPem: string; keyPem: string; der: Buffer } {
  // Loaded only here: a start that reads the installed certificate never pays for it.
  const forge = require("node-forge") as typeof Forge; // eslint-disable-line @typescript-eslint/no-require-imports
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: "spki", format: "pem" }).toString());
  cert.serialNumber = "01" + forge.util.bytesToHex(forge.random.getBytesSync(15));
  cert.validity.notBefore = new Date(Date.now() - 30_000);
  cert.validity.notAfter = new Date(Date.now() + 24 * 3600 * 1000);
  const name = [{ name: "commonName", value: "localhost" }, { name: "organizationName", value: "okta-as-code stand-in" }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: "basicConstraints", cA: true, critical: true },
    { name: "keyUsage", digitalSignature: true, keyEncipherment: true, keyCertSign: true, critical: true },
    { name: "extKeyUsage", serverAuth: true, clientAuth: true },
    { name: "subjectAltName", altNames: [{ type: 2, value: "localhost" }] },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(keyPem), forge.md.sha256.create());
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), "binary");
  return { certPem: forge.pki.certificateToPem(cert), keyPem, der };
}

/**
 * The install's certificate (OKTA_STAND_IN_TLS, see install.ts), made by the first start that
 * needs one: Terraform starts the plugin two to four times per command, and an RSA key and a
 * certificate signed in pure JavaScript cost a good part of a start; a stand-in Terraform only
 * reattaches to (the tests) never needs one. Key and certificate share one file, renamed into
 * place whole, so that two first starts at once each read a matching pair.
 */
function installedCertificate(): { certPem: string; keyPem: string; der: Buffer } {
  const dir = process.env.OKTA_STAND_IN_TLS;
  if (!dir) return serverCertificate();
  const file = path.join(dir, "tls.pem");
  try {
    const pem = fs.readFileSync(file, "utf8");
    const certPem = /-----BEGIN CERTIFICATE-----[^]*?-----END CERTIFICATE-----/.exec(pem)?.[0];
    const keyPem = /-----BEGIN RSA PRIVATE KEY-----[^]*?-----END RSA PRIVATE KEY-----/.exec(pem)?.[0];
    if (certPem && keyPem) return { certPem, keyPem, der: new X509Certificate(certPem).raw };
  } catch {
    // Not made yet: made below.
  }
  const tls = serverCertificate();
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(`${file}.${process.pid}.tmp`, tls.keyPem + tls.certPem, { mode: 0o600 });
  fs.renameSync(`${file}.${process.pid}.tmp`, file);
  return tls;
}

/** The stand-in's settings a reattached process takes per command: OKTA_STAND_IN_* but its TLS. */
const PER_COMMAND = ["OKTA_STAND_IN_READ_LOG", "OKTA_STAND_IN_WRITE_LOG", "OKTA_STAND_IN_ORG", "OKTA_STAND_IN_ORG_BASELINE"];

function useSettings(file: string): void {
  let settings: Record<string, unknown> = {};
  try {
    settings = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch {
    settings = {};
  }
  for (const key of PER_COMMAND) {
    if (typeof settings[key] === "string") process.env[key] = settings[key] as string;
    else delete process.env[key];
  }
}

function load(file: string): grpc.GrpcObject {
  const definition = protoLoader.loadSync(path.join(__dirname, "proto", file), { keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true });
  return grpc.loadPackageDefinition(definition);
}

function unary(name: string, handler: (request: Record<string, unknown>) => Record<string, unknown>): grpc.handleUnaryCall<Record<string, unknown>, Record<string, unknown>> {
  return (call, callback) => {
    try {
      callback(null, handler(call.request));
    } catch (e) {
      process.stderr.write(`stand-in ${name} failed: ${(e as Error).stack}\n`);
      callback({ code: grpc.status.INTERNAL, details: `stand-in ${name}: ${(e as Error).message}` });
    }
  };
}

function main(): void {
  // `--reattach <file>`: served for Terraform to reattach to (TF_REATTACH_PROVIDERS), one process
  // for many commands, so that Terraform need not start a provider two to four times per command
  // (the tests' harness, test-support/terraform.ts). Plain gRPC on loopback (reattach has no
  // TLS); the reattach config goes to <file>; it lives until its parent closes its stdin.
  const reattach = process.argv[2] === "--reattach" ? process.argv[3] : undefined;
  if (!reattach && process.env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) {
    process.stderr.write("This is the okta provider stand-in, a Terraform plugin. Terraform starts it; it is not meant to be run by hand.\n");
    process.exit(1);
  }
  const tfplugin6 = load("tfplugin6.proto").tfplugin6 as grpc.GrpcObject;
  const health = ((load("health.proto").grpc as grpc.GrpcObject).health as grpc.GrpcObject).v1 as grpc.GrpcObject;
  const plugin = load("go-plugin.proto").plugin as grpc.GrpcObject;

  const server = new grpc.Server();
  const provider = (tfplugin6.Provider as grpc.ServiceClientConstructor).service;
  // Reattached, the process outlives the command whose environment chose its settings (read and
  // write logs, a local org): each command's come from <file>.settings.json, read when Terraform
  // configures the provider, before any read or write of that command.
  const handlers = reattach ? { ...HANDLERS, ConfigureProvider: (req: Record<string, unknown>) => (useSettings(`${reattach}.settings.json`), HANDLERS.ConfigureProvider(req)) } : HANDLERS;
  server.addService(provider, Object.fromEntries(Object.entries(handlers).map(([name, h]) => [name, unary(name, h)])));
  server.addService((health.Health as grpc.ServiceClientConstructor).service, {
    Check: unary("Check", () => ({ status: "SERVING" })),
  });
  server.addService((plugin.GRPCController as grpc.ServiceClientConstructor).service, {
    Shutdown: (_call: unknown, callback: grpc.sendUnaryData<Record<string, never>>) => {
      callback(null, {});
      // A reattached provider outlives each command: only its parent ends it.
      if (!reattach) setImmediate(() => server.tryShutdown(() => process.exit(0)));
    },
  });

  const clientCert = reattach ? undefined : process.env.PLUGIN_CLIENT_CERT;
  const tls = clientCert ? installedCertificate() : undefined;
  const credentials = tls
    ? grpc.ServerCredentials.createSsl(Buffer.from(clientCert!), [{ private_key: Buffer.from(tls.keyPem), cert_chain: Buffer.from(tls.certPem) }], true)
    : grpc.ServerCredentials.createInsecure();
  server.bindAsync("127.0.0.1:0", credentials, (err, port) => {
    if (err) {
      process.stderr.write(`stand-in could not listen: ${err.message}\n`);
      process.exit(1);
    }
    if (reattach) {
      const config = JSON.stringify({ "registry.terraform.io/okta/okta": { Protocol: "grpc", ProtocolVersion: PROTOCOL_VERSION, Pid: process.pid, Test: true, Addr: { Network: "tcp", String: `127.0.0.1:${port}` } } });
      fs.writeFileSync(`${reattach}.tmp`, config);
      fs.renameSync(`${reattach}.tmp`, reattach);
      return;
    }
    // go-plugin: CORE-VERSION|APP-VERSION|NETWORK|ADDRESS|PROTOCOL|SERVER-CERT (base64, no padding).
    const cert = tls ? tls.der.toString("base64").replace(/=+$/, "") : "";
    process.stdout.write(`1|${PROTOCOL_VERSION}|tcp|127.0.0.1:${port}|grpc|${cert}\n`);
  });
  if (reattach) {
    process.stdin.on("end", () => process.exit(0));
    process.stdin.resume();
  }
  // Terraform shuts the plugin down through the controller; if Terraform itself dies without a
  // word, do not linger as an orphan.
  const parent = process.ppid;
  setInterval(() => {
    try {
      process.kill(parent, 0);
    } catch {
      process.exit(0);
    }
  }, 2000).unref();
}

main();
