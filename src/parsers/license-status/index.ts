// `show license status`, `show license all` and `show license tech support` (NX-OS `show tech-support license`):
// the Smart Agent's status report; and `show license authorization`, which prints the License Authorizations part
// of `show license all` on its own. Lexer, grammar and extraction are beside this file.
import type { CommandParser } from '../fragment.js';
import { FragmentBuilder } from '../fragment.js';
import { lexStatus } from './lexer.js';
import { statusGrammar } from './grammar.js';
import { StatusExtractor } from './extract.js';

export const licenseStatusParser: CommandParser = {
  id: 'license-status',
  commands: [
    'show license status',
    'show license all',
    'show license tech support',
    'show tech-support license',
    'show license authorization',
  ],
  fills: {
    scalars: [
      'account.smartAccount', 'account.virtualAccount', 'agentVersion', 'captureTime', 'clock.ntpSynchronized',
      'dataPrivacy.callhomeHostnamePrivacy', 'dataPrivacy.sendingHostname',
      'dataPrivacy.smartLicensingHostnamePrivacy', 'dataPrivacy.versionPrivacy', 'deviceTelemetry.available',
      'deviceTelemetry.dataChannel', 'deviceTelemetry.notAvailableReason', 'deviceTelemetry.reportsOnDisk',
      'legacy.authorizationStatus', 'legacy.evalMode', 'legacy.registrationStatus',
      'licenseConversion.automaticConversionEnabled', 'licenseConversion.lastDataPush',
      'licenseConversion.lastFileExport', 'licenseConversion.status', 'licensing', 'policy.inUse',
      'policy.installedAt', 'policy.name', 'policy.reportingAckRequired', 'productAnalytics.available',
      'productAnalytics.dataChannel', 'productAnalytics.notAvailableReason', 'productAnalytics.reportsOnDisk',
      'reportingMode', 'slpEnabled', 'transport.csluAddress', 'transport.ipMode', 'transport.onPremTenant',
      'transport.proxy.address', 'transport.proxy.passwordSet', 'transport.proxy.port', 'transport.proxy.username',
      'transport.serverIdentityCheck', 'transport.sourceInterface', 'transport.trustPoint', 'transport.type',
      'transport.url', 'transport.vrf', 'trustCode.communicationLevelAllowed', 'trustCode.installed',
      'trustCode.installedAt', 'trustCode.overallState', 'trustCode.overallTrust', 'trustCode.type', 'udi.pid',
      'udi.sn', 'usageReportSummary.ackReceived', 'usageReportSummary.availableToReport',
      'usageReportSummary.collectingData', 'usageReportSummary.inStorage', 'usageReportSummary.maximumDisplay',
      'usageReportSummary.mia', 'usageReportSummary.miaBracketed', 'usageReportSummary.purged',
      'usageReportSummary.purgedBracketed', 'usageReportSummary.reportModuleStatus', 'usageReportSummary.total',
      'usageReportSummary.waitingForAck', 'usageReportSummary.waitingForAckBracketed',
      'usageReporting.lastAckReceived', 'usageReporting.lastReportFileWrite', 'usageReporting.lastReportPush',
      'usageReporting.nextAckDeadline', 'usageReporting.nextAckPushCheck', 'usageReporting.nextReportPush',
      'usageReporting.reportingPushInPolicy', 'usageReporting.reportingPushIntervalDays',
      'usageReporting.reportingPushState', 'utilityEnabled', 'writeEraseOccurred',
    ],
    lists: [
      'authorizations', 'communication', 'exportAuthorizedFeatures', 'haUdis', 'licenses', 'policy.attributes',
      'trustCode.udis',
    ],
  },
  specificity: 20,
  parse(section) {
    const out = new FragmentBuilder(this.id, section, this.specificity);
    try {
      const lines = section.lines;
      // The lexer sees the body as one text; its line numbers (1-based) index `lines`.
      const lexed = lexStatus(lines.map((line) => line.text));
      const lineOf = (row: number | undefined): number => lines[(row ?? 1) - 1]?.n ?? 0;
      // Only a line starting with a character no token expects fails to lex; the rest of the line is skipped too.
      for (const error of lexed.errors) out.unrecognised(lineOf(error.line));

      const grammar = statusGrammar();
      grammar.input = lexed.tokens;
      const tree = grammar.report();
      for (const error of grammar.errors) out.diag(lineOf(error.token.startLine), error.message);

      new StatusExtractor(out, (token) => lineOf(token.startLine)).report(tree);
    } catch (error) {
      // Last resort: a bug must not cost the user the rest of the capture.
      const first = section.lines[0]?.n ?? 0;
      out.diag(first, `license-status parser failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    return out.build();
  },
};
