// The TUI's export (`e`): the report as Markdown, as `analyze --format markdown` writes it. With redaction on, the
// device's values are masked and the rule's words (title, actions, references, message text) stay as written.
import type { AnalyzeDocument } from '../common/findings.js';
import { PLAIN } from '../report/color.js';
import { writerFor } from '../report/formats.js';
import type { Redactor } from '../report/redact.js';

export function exportMarkdown(document: AnalyzeDocument, redactor: Redactor | null): string {
  return writerFor('markdown', 'analysis')!(redactor ? redactor.redactDocument(document) : document, PLAIN);
}
