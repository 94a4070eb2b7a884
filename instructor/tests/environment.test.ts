/** The devcontainer and editor files validate; a broken one is caught with the field named. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkEnvironment, checkEnvironmentFile } from '../check/environment';

describe('the one-click environment', () => {
  it('the committed .devcontainer and .vscode files validate against their schemas', () => {
    for (const check of checkEnvironment()) expect(check).toMatchObject({ ok: true, details: [] });
  });

  it('a devcontainer without npm ci on create, on Node 18, fails naming both fields', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'environment-test-'));
    mkdirSync(path.join(root, '.devcontainer'));
    writeFileSync(path.join(root, '.devcontainer', 'devcontainer.json'), JSON.stringify({ name: 'x', image: 'mcr.microsoft.com/devcontainers/typescript-node:1-18-bookworm', postCreateCommand: 'npm install', customizations: { vscode: { extensions: ['dbaeumer.vscode-eslint'] } } }));
    const check = checkEnvironmentFile('.devcontainer/devcontainer.json', 'devcontainer.schema.json', root);
    expect(check.ok).toBe(false);
    expect(check.details.join('\n')).toMatch(/\/image must match pattern/);
    expect(check.details.join('\n')).toMatch(/\/postCreateCommand must match pattern/);
  });
});
