import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { createElement } from 'react';
import { flattenTree, modelTree } from '../../src/tui/tree.js';
import { ModelView } from '../../src/tui/views/model.js';
import { KEY, press, renderApp, sessionFor, waitForText } from './helpers.js';

afterEach(() => cleanup());

describe('device model view', () => {
  it('has the sections a support engineer looks for, collapsed ones showing their size', () => {
    const device = sessionFor('nxos-techsupport.txt').devices[0]!;
    const labels = modelTree(device).map((n) => n.label);
    for (const section of ['Transport', 'Policy', 'Usage reporting', 'Trust codes', 'Licenses', 'RUM reports', 'Communication statistics', 'Diagnostics'])
      expect(labels).toContain(section);
    const rows = flattenTree(modelTree(device), new Set(['transport']));
    const transport = rows.findIndex((r) => r.id === 'transport');
    expect(rows[transport]!.expanded).toBe(true);
    expect(rows[transport + 1]!.depth).toBe(1);
    expect(rows.find((r) => r.id === 'policy')!.expanded).toBe(false);
  });

  it('renders the tree with markers and the cursor', () => {
    const device = sessionFor('rule-comm-failure-cssm-smart.txt').devices[0]!;
    const rows = flattenTree(modelTree(device), new Set(['transport']));
    const app = render(createElement(ModelView, { rows, cursor: 1, height: 10, show: (t: string) => t }));
    const frame = app.lastFrame()!;
    expect(frame).toMatch(/^ ▸ Device {2}\(\d+\)/m);
    expect(frame).toMatch(/^›▾ Transport/m);
    expect(frame).toContain('type: smart');
  });

  it('Enter collapses and expands a branch; ← goes to the parent', async () => {
    const app = renderApp({ session: sessionFor('rule-comm-failure-cssm-smart.txt') });
    await waitForText(app, 'ERROR (1)');
    await press(app, '2');
    await waitForText(app, '▾ Device');
    await press(app, KEY.enter);
    await waitForText(app, /›▸ Device {2}\(\d+\)/);
    await press(app, KEY.enter, 'j');
    await press(app, KEY.left);
    await waitForText(app, /›▾ Device/);
  });

  it('a filter shows matches flat; cleared, the cursor stays on the row it was on, its branch opened', async () => {
    const app = renderApp({ session: sessionFor('rule-comm-failure-cssm-smart.txt') });
    await waitForText(app, 'ERROR (1)');
    await press(app, '2', '/', 'attributes', KEY.enter);
    await waitForText(app, 'filter: "attributes"');
    let frame = await waitForText(app, /› {2}Policy › attributes/);
    await press(app, KEY.escape);
    frame = await waitForText(app, /›\s+▸ attributes/);
    expect(frame).toMatch(/▾ Policy/);
    expect(frame).not.toContain('filter:');
  });
});
