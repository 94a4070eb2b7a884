/**
 * The sandbox's isolation from the operating system's side. Node's permission model guards files,
 * child processes and workers, but not signals nor the network: from inside it, a submission sent
 * SIGUSR1 to the grader's jest (through a child-process handle that never spawned, aimed by a heap
 * spray), whose inspector on 127.0.0.1:9229 then rewrote the report. No JavaScript-level guard
 * holds against that, so the sandbox process starts in its own PID and network namespace (util-linux
 * `unshare`): no process outside it can be named in a signal, and it has no network. As root it
 * also drops to the user nobody. Where neither is permitted, grading says so in its notes.
 *
 * Where a mount namespace is permitted too, the sandbox also runs in a root of its own (MINIMAL_ROOT):
 * the system's programs and libraries, node's folder, a few devices and its own folder, nothing
 * else. A Unix socket at a path is outside the network namespace, and connecting one is not an act
 * the permission model checks: an attack connected one of the host's synchronously and wrote to its
 * descriptor with fs.writeSync. In that root no socket of the host can be named.
 *
 * Every candidate first closes the descriptors above 3 that the grader inherited from whatever
 * started it (CLOSE_FDS): the permission model checks paths, not descriptors, and an attack read a
 * host file, wrote another and sent to a host socket through descriptors left open by the launcher
 * of the grader (a CI runner, make's jobserver, a shell's `N>file`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';

export interface Isolation {
  /** the command prefix that starts the sandbox's node, empty when none was permitted here */
  prefix: string[];
  /** what the prefix gives, for the report's notes */
  description: string;
}

const NOBODY = 65534;
const NAMESPACES = ['--pid', '--fork', '--kill-child', '--net'];

/** Run by bash (dash cannot close a descriptor above 9): closes every descriptor above 3, then runs its arguments. */
const CLOSE_FDS = 'for f in /proc/self/fd/*; do n=${f##*/}; if [ "$n" -gt 3 ]; then eval "exec $n>&-"; fi; done 2>/dev/null; exec "$@"';

/**
 * Run by sh inside the new mount namespace, as (namespace) root: BOX NODE_DIRS CHROOT COMMAND…
 * builds a tmpfs root at BOX/.root with /usr (and the /bin, /lib… that are links into it or folders
 * of their own), /etc/ld.so.cache, /dev/null, /dev/zero, /dev/urandom, /dev/random, node's folders
 * (NODE_DIRS, separated by colons), a fresh /proc and BOX itself at their own paths, then chroots
 * there (which also changes to its /) and runs COMMAND.
 */
const MINIMAL_ROOT = `set -e
box=$1; nodedirs=$2; chroot=$3; shift 3
r=$box/.root
mkdir -p "$r"
mount --make-rprivate /
mount -t tmpfs -o mode=0755,size=1m sandbox-root "$r"
for d in usr bin sbin lib lib32 lib64 libx32; do
  if [ -L "/$d" ]; then ln -s "$(readlink "/$d")" "$r/$d"
  elif [ -d "/$d" ]; then mkdir "$r/$d"; mount --rbind "/$d" "$r/$d"; fi
done
mkdir -p "$r/etc" "$r/dev" "$r/proc" "$r/tmp" "$r$box"
for f in /etc/ld.so.cache /dev/null /dev/zero /dev/urandom /dev/random; do
  if [ -e "$f" ]; then touch "$r$f"; mount --bind "$f" "$r$f"; fi
done
IFS=:
for d in $nodedirs; do
  if [ ! -d "$r$d" ] || [ -z "$(ls -A "$r$d")" ]; then mkdir -p "$r$d"; mount --bind "$d" "$r$d"; fi
done
unset IFS
mount --bind "$box" "$r$box"
mount -t proc proc "$r/proc"
exec "$chroot" "$r" "$@"
`;

function find(name: string): string | undefined {
  return ['/usr/bin', '/bin', '/usr/sbin', '/sbin'].map((dir) => `${dir}/${name}`).find((file) => existsSync(file));
}

function candidates(box: string): Isolation[] {
  const [unshare, setpriv, chroot, sh, bash] = [find('unshare'), find('setpriv'), find('chroot'), find('sh'), find('bash')];
  const list: Isolation[] = [];
  const nodeDirs = [...new Set([path.dirname(process.execPath), path.dirname(realpathSync(process.execPath))])].join(':');
  const ownRoot = unshare !== undefined && chroot !== undefined && sh !== undefined ? [sh, '-c', MINIMAL_ROOT, 'sandbox-root', box, nodeDirs, chroot] : undefined;
  // a change of user clears the parent-death signal unshare --kill-child set: set it again, so the
  // sandbox dies with its unshare (else a sandbox killed for a timeout lived on, looping, as nobody)
  const asNobody = setpriv === undefined ? undefined : [setpriv, `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--pdeathsig', 'KILL', '--'];
  if (process.getuid?.() === 0) {
    if (ownRoot !== undefined && asNobody !== undefined) list.push({ prefix: [unshare as string, '--mount', ...NAMESPACES, '--', ...ownRoot, ...asNobody], description: 'its own PID, network and mount namespace, in a root that holds only the system and its own folder, as the user nobody' });
    if (unshare !== undefined && asNobody !== undefined) list.push({ prefix: [unshare, ...NAMESPACES, '--', ...asNobody], description: 'its own PID and network namespace, as the user nobody' });
    if (unshare !== undefined) list.push({ prefix: [unshare, ...NAMESPACES, '--'], description: 'its own PID and network namespace' });
    if (asNobody !== undefined) list.push({ prefix: asNobody, description: 'the user nobody (no namespaces here: it still has the network)' });
  } else if (unshare !== undefined) {
    if (ownRoot !== undefined) list.push({ prefix: [unshare, '--user', '--map-root-user', '--mount', ...NAMESPACES, '--', ...ownRoot], description: 'its own user, PID, network and mount namespace, in a root that holds only the system and its own folder' });
    list.push({ prefix: [unshare, '--user', '--map-root-user', ...NAMESPACES, '--'], description: 'its own user, PID and network namespace' });
  }
  // and the whole chain dies with the grader's process that started it (jest), even if it is killed;
  // and it starts without the descriptors the grader inherited
  const first = [...(setpriv === undefined ? [] : [setpriv, '--pdeathsig', 'KILL', '--']), ...(bash === undefined ? [] : [bash, '-c', CLOSE_FDS, 'close-fds'])];
  return list.map(({ prefix, description }) => ({ prefix: [...first, ...prefix], description }));
}

/** Which of candidates() this machine permits (-1: none), probed once per process. */
let chosen: number | undefined;

/**
 * The strongest isolation this machine permits for a sandbox whose folder is `box` (probed once
 * per process: each candidate runs node once, as the sandbox would, reading `box`).
 */
export function sandboxIsolation(box: string): Isolation {
  const list = candidates(box);
  if (chosen === undefined) {
    const probe = `require('fs').accessSync(${JSON.stringify(box)}, require('fs').constants.R_OK)`;
    chosen = list.findIndex(({ prefix }) => spawnSync(prefix[0], [...prefix.slice(1), process.execPath, '-e', probe], { stdio: 'ignore', timeout: 10_000 }).status === 0);
  }
  return list[chosen] ?? {
    prefix: [],
    description: 'none: this machine permits neither a PID namespace (unshare) nor another user (setpriv), so the sandbox could signal other processes of this user',
  };
}
