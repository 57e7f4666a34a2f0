// Which syslog facilities bear on licensing. Ingest keeps their messages however long a log is; the message
// catalogue (src/parsers/syslog/catalogue.ts) names the licensing messages among them.

/** The Smart Agent's own facility: NX-OS logs licensing as `%LICMGR-…`, IOS-XE as `%SMART_LIC-…`. */
export const AGENT_FACILITY = { nxos: 'LICMGR', iosxe: 'SMART_LIC' } as const;

/**
 * The agent itself and what licensing depends on or reports through: the clock (`NTP`, `CLOCK`, `PKI` for trust and
 * certificates), the transport (`CALL_HOME` on IOS-XE, `CALLHOME` on NX-OS, `SSL`, `HTTPC`, `HTTP`, `DNS`, `CRYPTO`),
 * `CUBE` licence requests, and `SYS`/`LICENSE` (configuration changes, reloads, classic licensing).
 */
export const LICENSING_FACILITIES: ReadonlySet<string> = new Set([
  AGENT_FACILITY.nxos, AGENT_FACILITY.iosxe,
  'PKI', 'CALLHOME', 'CALL_HOME', 'NTP', 'CLOCK', 'SSL', 'HTTPC', 'HTTP', 'DNS', 'CRYPTO', 'LICENSE', 'SYS', 'CUBE',
]);
