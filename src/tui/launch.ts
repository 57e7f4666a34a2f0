// Everything the first frame needs from Ink and React, behind one dynamic import. Static imports also let the bundle
// (scripts/bundle.mjs), which carries React's CommonJS build inside it, hand over React's named exports; a dynamic
// `import('react')` of bundled CommonJS yields only a default export.
import { render, type Instance } from 'ink';
import { createElement } from 'react';
import { App, type AppProps } from './App.js';

export function launch(props: AppProps): Instance {
  return render(createElement(App, props), { exitOnCtrlC: false });
}
