// The interactive view is being built (issue 4). Until then `tui` explains itself rather than failing obscurely.
export async function runTui(_files: string[], _options: { rules: string[]; now?: string }): Promise<number> {
  process.stderr.write('slp-doctor: the interactive view is not available in this build; use `slp-doctor analyze FILE`\n');
  return 2;
}
