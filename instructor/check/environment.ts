/**
 * The one-click environment students open the repository in: .devcontainer/devcontainer.json and
 * .vscode/{extensions,launch}.json, each validated (ajv) against a schema in schemas/ that states
 * what the course relies on (Node 20, `npm ci` on create, the recommended extensions, a launch
 * program that exists). The release ships both folders: it exports the committed tree.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { ROOT } from '../../course/targets';

export const ENVIRONMENT_FILES: [file: string, schema: string][] = [
  ['.devcontainer/devcontainer.json', 'devcontainer.schema.json'],
  ['.vscode/extensions.json', 'vscode-extensions.schema.json'],
  ['.vscode/launch.json', 'vscode-launch.schema.json'],
];

export interface EnvironmentCheck {
  what: string;
  ok: boolean;
  details: string[];
}

/** Validates one file against one schema; also proves each launch program is a file of the repository. */
export function checkEnvironmentFile(file: string, schemaFile: string, root = ROOT): EnvironmentCheck {
  const what = `${file} is valid (${schemaFile})`;
  const full = path.join(root, file);
  if (!existsSync(full)) return { what, ok: false, details: [`${file} is missing`] };
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(full, 'utf8'));
  } catch (error) {
    return { what, ok: false, details: [`not JSON: ${(error as Error).message}`] };
  }
  const schema = JSON.parse(readFileSync(path.join(__dirname, 'schemas', schemaFile), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true }).compile(schema);
  const details = validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
  const programs = (data as { configurations?: { program?: string }[] }).configurations ?? [];
  for (const { program } of programs) {
    const local = program?.replace('${workspaceFolder}', root);
    if (local !== undefined && !existsSync(local)) details.push(`launch program ${program} does not exist`);
  }
  return { what, ok: details.length === 0, details };
}

export function checkEnvironment(root = ROOT): EnvironmentCheck[] {
  return ENVIRONMENT_FILES.map(([file, schema]) => checkEnvironmentFile(file, schema, root));
}
