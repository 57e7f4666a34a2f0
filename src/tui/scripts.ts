// The TUI's two scripts (scripts/bundle.mjs builds them, common/code-cache.ts compiles them): their file names in
// dist/bundle and the parameters of the function each is wrapped in, through which its exports go out.
export const TUI_SCRIPT = 'tui-script.js';
/** runTui and the command line's main go out through it (src/cli/tui-script.ts). */
export const TUI_SCRIPT_PARAMETERS = ['__slpTui'] as const;
/** The rule engine, loaded after the first frame (rule-engine-loader.ts, rule-engine-script.ts). */
export const RULE_ENGINE_SCRIPT = 'tui-rules-script.js';
export const RULE_ENGINE_SCRIPT_PARAMETERS = ['__slpRuleEngine'] as const;

/** What the TUI's script hands out. `main` is the command line's (its type is the CLI's business: see start.ts). */
export interface TuiScriptExports {
  runTui?: typeof import('./index.js').runTui;
  main?: (argv: string[]) => Promise<number>;
}
