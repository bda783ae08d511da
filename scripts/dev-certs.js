/* eslint-disable no-undef */
/**
 * HTTPS for `npm run dev-server` (webpack.config.js): the localhost certificate of office-addin-dev-certs, also
 * where its CA certificate cannot be installed into the system's trust store (no sudo, a container, CI).
 *
 * office-addin-dev-certs generates a CA and a localhost certificate in ~/.office-addin-dev-certs, then installs the
 * CA (on Linux with `sudo`). Where that fails it throws, and webpack used to exit with a stack trace. Here the
 * generated certificate is used anyway and one message says how to trust it. The next start reuses the same files
 * (while valid) instead of letting office-addin-dev-certs regenerate them, so a CA the user trusted by hand stays
 * the one in use.
 */
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

/** Written beside the certificates when their CA could not be installed: the next start reuses them. */
const MARKER = "goaltable-untrusted-ca.txt";

/** The generated files, when all three exist and the certificate is valid for at least another day. */
function readGenerated(paths) {
  try {
    const options = {
      ca: fs.readFileSync(paths.caCertificatePath),
      cert: fs.readFileSync(paths.localhostCertificatePath),
      key: fs.readFileSync(paths.localhostKeyPath),
    };
    const validTo = Date.parse(new crypto.X509Certificate(options.cert).validTo);
    return validTo > Date.now() + 24 * 3600 * 1000 ? options : undefined;
  } catch {
    return undefined;
  }
}

/** How to trust the CA, for a developer who reads the message once. */
function trustAdvice(caPath, reason) {
  return [
    "goaltable dev server: the development CA certificate could not be installed into this system's trust store (that needs sudo)",
    `  (${reason}).`,
    "  Serving https://localhost with the generated certificate anyway. To trust it:",
    `  - browsers: import ${caPath} as a certificate authority;`,
    `  - Node clients: NODE_EXTRA_CA_CERTS=${caPath};`,
    `  - the whole system, with admin rights: sudo cp ${caPath} /usr/local/share/ca-certificates/ && sudo update-ca-certificates.`,
  ].join("\n");
}

/**
 * The dev server's HTTPS options: office-addin-dev-certs' own (installing its CA) when it can, else the generated
 * certificate with one message (`log`). Throws only when no certificate could be made at all, with a plain message.
 */
async function devHttpsOptions({
  devCerts = require("office-addin-dev-certs"),
  paths = require("office-addin-dev-certs/lib/defaults"),
  log = (message) => console.warn(message),
} = {}) {
  const marker = path.join(paths.certificateDirectory, MARKER);
  if (fs.existsSync(marker)) {
    const reused = readGenerated(paths);
    if (reused) {
      log(trustAdvice(paths.caCertificatePath, fs.readFileSync(marker, "utf8").trim()));
      return reused;
    }
  }
  try {
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (error) {
    const message = String((error && error.message) || error);
    const reason = message.split("\n").find((l) => l.trim()) || "unknown error";
    const generated = readGenerated(paths);
    if (!generated) throw new Error(`goaltable dev server: no localhost certificate could be made (${reason}).`);
    fs.writeFileSync(marker, reason.slice(0, 300) + "\n");
    log(trustAdvice(paths.caCertificatePath, reason.slice(0, 300)));
    return generated;
  }
}

module.exports = { devHttpsOptions, MARKER };
