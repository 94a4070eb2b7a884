/**
 * The sandbox's isolation from the operating system's side. Node's permission model guards files,
 * child processes and workers, but not signals nor the network: from inside it, a submission sent
 * SIGUSR1 to the grader's jest (through a child-process handle that never spawned, aimed by a heap
 * spray), whose inspector on 127.0.0.1:9229 then rewrote the report. No JavaScript-level guard
 * holds against that, so the sandbox process starts in its own PID and network namespace (util-linux
 * `unshare`): no process outside it can be named in a signal, and it has no network. As root it
 * also drops to the user nobody. Where neither is permitted, grading says so in its notes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Isolation {
  /** the command prefix that starts the sandbox's node, empty when none was permitted here */
  prefix: string[];
  /** what the prefix gives, for the report's notes */
  description: string;
}

const NOBODY = 65534;
const NAMESPACES = ['--pid', '--fork', '--kill-child', '--net'];

function find(name: string): string | undefined {
  return ['/usr/bin', '/bin', '/usr/sbin', '/sbin'].map((dir) => `${dir}/${name}`).find((file) => existsSync(file));
}

function candidates(): Isolation[] {
  const [unshare, setpriv] = [find('unshare'), find('setpriv')];
  const list: Isolation[] = [];
  // a change of user clears the parent-death signal unshare --kill-child set: set it again, so the
  // sandbox dies with its unshare (else a sandbox killed for a timeout lived on, looping, as nobody)
  const asNobody = setpriv === undefined ? undefined : [setpriv, `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--pdeathsig', 'KILL', '--'];
  if (process.getuid?.() === 0) {
    if (unshare !== undefined && asNobody !== undefined) list.push({ prefix: [unshare, ...NAMESPACES, '--', ...asNobody], description: 'its own PID and network namespace, as the user nobody' });
    if (unshare !== undefined) list.push({ prefix: [unshare, ...NAMESPACES, '--'], description: 'its own PID and network namespace' });
    if (asNobody !== undefined) list.push({ prefix: asNobody, description: 'the user nobody (no namespaces here: it still has the network)' });
  } else if (unshare !== undefined) {
    list.push({ prefix: [unshare, '--user', '--map-root-user', ...NAMESPACES, '--'], description: 'its own user, PID and network namespace' });
  }
  // and the whole chain dies with the grader's process that started it (jest), even if it is killed
  return setpriv === undefined ? list : list.map(({ prefix, description }) => ({ prefix: [setpriv, '--pdeathsig', 'KILL', '--', ...prefix], description }));
}

let chosen: Isolation | undefined;

/**
 * The strongest isolation this machine permits for a node process that must read `readable`
 * (probed once per process: each candidate runs node once, as the sandbox would).
 */
export function sandboxIsolation(readable: string): Isolation {
  if (chosen !== undefined) return chosen;
  const probe = `require('fs').accessSync(${JSON.stringify(readable)}, require('fs').constants.R_OK)`;
  chosen = candidates().find(({ prefix }) => spawnSync(prefix[0], [...prefix.slice(1), process.execPath, '-e', probe], { stdio: 'ignore', timeout: 10_000 }).status === 0) ?? {
    prefix: [],
    description: 'none: this machine permits neither a PID namespace (unshare) nor another user (setpriv), so the sandbox could signal other processes of this user',
  };
  return chosen;
}
