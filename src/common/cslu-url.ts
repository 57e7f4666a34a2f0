// The shapes of a CSLU-protocol URL, shared by the status parser (which reads the On-Prem tenant out of it) and the
// model (which decides the topology from it). A standalone CSLU listens on `http://<host>:8182/cslu/v1/pi` (or
// `https://<host>:8543/cslu/v1/pi` over TLS) and serves one account, so its path ends there. SSM On-Prem serves the
// same protocol for many accounts, one tenant each: `http(s)://<host>/cslu/v1/pi/<tenant>`, the tenant URL-encoded
// (`CUBE%20Regression%20Mirabile-1`). Plain http with an address is as normal for On-Prem as https with a name.

const CSLU_PATH = /^https?:\/\/([^/\s]+)\/cslu\/v1\/pi\/([^/?#\s]+)\/?(?:[?#]\S*)?$/i;
/** The ports of a standalone CSLU: a tenant segment there is a mistyped CSLU URL, not an On-Prem. */
const CSLU_PORTS = /:(?:8182|8543)$/;

/** The SSM On-Prem tenant of a CSLU-style URL, URL-decoded; null for a standalone CSLU URL, a name or nothing. */
export function onPremTenant(url: string | null): string | null {
  if (!url) return null;
  const match = CSLU_PATH.exec(url.trim());
  if (!match || CSLU_PORTS.test(match[1]!)) return null;
  const tenant = match[2]!;
  try {
    return decodeURIComponent(tenant);
  } catch {
    // A stray `%` that is not an escape: the tenant is what was printed.
    return tenant;
  }
}

/** SSM On-Prem serves the CSLU protocol under a tenant: `http(s)://<host>/cslu/v1/pi/<tenant>`. */
export function isOnPremUrl(url: string | null): boolean {
  return onPremTenant(url) !== null;
}
