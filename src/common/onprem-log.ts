// SSM On-Prem writes its own system log (`messages`, from Support Center > Download All Logs); engineers paste the
// lines that matter next to the device's output. A line carries On-Prem's stamp and level, either as the file holds
// it or forwarded by syslog, which puts its own stamp, host and tag in front and escapes tabs as `#011`:
//   2024/04/15 20:49:16  [ERROR]  adapters/pi_routes_impl.go:1322  Finding SL product by UDI {…} failed …
//   Apr 15 20:49:16 ssm-onprem cf881d42a1b7: 2024/04/15 20:49:16#011[ERROR]#011adapters/pi_routes_impl.go:1322#011…
// Ingest tells these lines apart; the parser that keeps them reads them without the relay's part. Both ask here.

/** What a syslog relay writes in front of a forwarded On-Prem line: `Apr 15 20:49:16 ssm-onprem cf881d42a1b7: `. */
const RELAY = '[A-Z][a-z]{2} +\\d{1,2} \\d{1,2}:\\d{2}:\\d{2} \\S+ [^\\s:]+: ';
const ONPREM_STAMP = '\\d{4}\\/\\d{2}\\/\\d{2} \\d{2}:\\d{2}:\\d{2}';

const ONPREM_LOG = new RegExp(`^(?:${RELAY})?${ONPREM_STAMP}(?:\\.\\d+)?(?:#011|\\s+)\\[(?:ERROR|WARN|WARNING|INFO|DEBUG|FATAL|PANIC)\\]`);
const RELAY_PREFIX = new RegExp(`^${RELAY}(?=${ONPREM_STAMP})`);

/** Whether the line is an SSM On-Prem system log line. Cheap for the many lines that are not. */
export function isOnPremLogLine(text: string): boolean {
  const bracket = text.indexOf('[');
  if (bracket < 20 || bracket > 100) return false;
  return ONPREM_LOG.test(text);
}

/** An On-Prem log line as On-Prem wrote it: without a relay's stamp, host and tag, tabs (`#011`) as spaces. */
export function onPremLogText(text: string): string {
  return text.replace(RELAY_PREFIX, '').replace(/#011/g, ' ').replace(/\s+/g, ' ').trim();
}
