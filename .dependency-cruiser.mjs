// The import rules of src/, checked by `npm run deps` (part of `npm run check` and so of `npm test`). The folders are
// the stages of the data flow in DESIGN.md: ingest -> parsers -> model -> rules, chained by pipeline, with report,
// fleet, tui and cli on top. A stage imports only stages before it, so each can be read, tested and changed knowing
// only what comes before. test/dependency-rules.test.ts breaks each rule on purpose to show it is enforced.

/** Each folder of src/ and the folders it may import besides itself, with why. */
const STAGES = {
  common: {
    uses: [],
    why: 'the documents and small helpers every stage shares (model and findings types, times, syslog lines): a stage here would make every stage depend on it',
  },
  ingest: {
    uses: ['common'],
    why: 'ingest turns bytes into sections per command; it knows nothing of what the sections mean',
  },
  parsers: {
    uses: ['common', 'ingest'],
    why: 'a parser reads one section (ingest types, the command table) into a fragment; it never builds or judges models',
  },
  model: {
    uses: ['common', 'ingest', 'parsers'],
    why: 'the model merges parsed sections into devices; reading inputs is the pipeline\'s (see model-does-not-read-inputs)',
  },
  rules: {
    uses: ['common', 'model'],
    why: 'rules judge device models and never read or parse text: the rule test runner is handed a capture reader by its caller',
  },
  pipeline: {
    uses: ['common', 'ingest', 'parsers', 'model', 'rules'],
    why: 'the pipeline chains the stages (inputs -> models -> findings) so the CLI, the TUI and the fleet analyse alike',
  },
  report: {
    uses: ['common', 'model'],
    why: 'report writes documents (analysis, model, fleet summary) in each output format and masks them; it takes no part in analysing',
  },
  fleet: {
    uses: ['common', 'ingest', 'model', 'rules', 'pipeline', 'report'],
    why: 'the fleet schedules the pipeline over many files (parsing only through it, so a fleet and one file cannot disagree); it reads small files itself, orders files as the model merges them and hands workers the rule pack',
  },
  tui: {
    uses: ['common', 'ingest', 'model', 'rules', 'pipeline', 'report'],
    why: 'the TUI analyses one case through the pipeline and shows it; the command line only starts it',
  },
  cli: {
    uses: ['common', 'ingest', 'model', 'rules', 'pipeline', 'report', 'fleet', 'tui'],
    why: 'the command line is the top: it parses options and hands work to the pipeline, the fleet and the TUI (the TUI only through its lazy start, see cli-starts-the-tui-lazily)',
  },
};

const folders = Object.keys(STAGES);
const anyOf = (names) => `^src/(${names.join('|')})/`;

const stageRules = Object.entries(STAGES).map(([stage, { uses, why }]) => ({
  name: `${stage}-uses-only-${uses.length === 0 ? 'itself' : uses.join('-')}`,
  comment: why,
  severity: 'error',
  from: { path: `^src/${stage}/` },
  to: { path: '^src/', pathNot: anyOf([stage, ...uses]) },
}));

export default {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'A cycle makes its modules one unit that cannot be read, tested or loaded lazily apart.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'every-folder-is-a-stage',
      comment: 'A new folder of src/ gets a place in STAGES (and so rules of its own) before anything imports it.',
      severity: 'error',
      from: {},
      to: { path: '^src/', pathNot: anyOf(folders) },
    },
    ...stageRules,
    {
      name: 'only-the-cli-imports-the-cli',
      comment: 'The CLI is the top of the house: the TUI and the fleet analyse through the pipeline, never through a command.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'cli-starts-the-tui-lazily',
      comment: 'Only the tui command loads the TUI, through its start (tui/startup.ts) and an import(): analyze and parse must not load Ink and React. cli/tui-script.ts is the entry of the TUI\'s own script (the TUI with the command line in front of it), which only the TUI\'s start compiles.',
      severity: 'error',
      from: { path: '^src/cli/', pathNot: '^src/cli/tui-script\\.ts$' },
      to: { path: '^src/tui/', pathNot: '^src/tui/startup\\.ts$' },
    },
    {
      name: 'cli-imports-the-tui-start-dynamically',
      comment: 'A static import of the TUI\'s start would load it (and the code cache machinery) for every command.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/tui/startup\\.ts$', dependencyTypesNot: ['dynamic-import'] },
    },
    {
      name: 'script-entries-are-not-imported',
      comment: 'The entries of the TUI\'s scripts (scripts/bundle.mjs) are compiled by its start, never imported: cli/tui-script.ts loads Ink and React for whoever imports it.',
      severity: 'error',
      from: {},
      to: { path: '^src/(cli/tui-script|tui/rule-engine-script)\\.ts$' },
    },
    {
      name: 'model-does-not-read-inputs',
      comment: 'Parsers and the model take ingested sections; reading files and standard input (ingest/index.ts) is the pipeline\'s, so no later stage reaches back to drive an earlier one.',
      severity: 'error',
      from: { path: '^src/(parsers|model|rules|report)/' },
      to: { path: '^src/ingest/index\\.ts$' },
    },
    {
      name: 'only-the-tui-loads-ink-and-react',
      comment: 'Ink and React are most of the TUI\'s start-up; every other command and the fleet workers start without them.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/tui/' },
      to: { path: 'node_modules/(ink|react|ink-testing-library)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a type is part of what a module depends on, and a cycle through types is still one.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Packages resolve as Node resolves them (ink has only an `exports` map), so rules can name them.
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'node', 'default'] },
    skipAnalysisNotInRules: true,
    cache: { folder: 'node_modules/.cache/slp-doctor/depcruise', strategy: 'content' },
  },
};
