/**
 * Assembles the WebAssembly kernels: lib/kernels/<name>.wat → lib/kernels/<name>.wasm, with the
 * `wabt` package (no native toolchain). The .wasm files are committed, and tests/lib/kernels.test.ts
 * rebuilds them and checks the bytes, so run this after editing a .wat file:
 *   npx tsx instructor/kernels/build.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import wabt from 'wabt';

export const KERNEL_DIR = path.join(__dirname, '..', '..', 'lib', 'kernels');
export const KERNELS = ['gemm'] as const;
/** SIMD for f64x2; threads for the shared memory the worker threads compute in. */
const FEATURES = { simd: true, threads: true };

/** The binary of lib/kernels/<name>.wat. */
export const assemble = (name: string): Promise<Uint8Array> => assembleFile(path.join(KERNEL_DIR, `${name}.wat`));

/** The binary of a .wat file: no debug names, so the bytes depend on the instructions only. */
export async function assembleFile(file: string): Promise<Uint8Array> {
  const module = (await wabt()).parseWat(path.basename(file), readFileSync(file, 'utf8'), FEATURES);
  try {
    // validate() takes the features too, although wabt's typings omit the parameter
    const validate: (features: typeof FEATURES) => void = module.validate.bind(module);
    validate(FEATURES);
    return module.toBinary({ log: false, write_debug_names: false, canonicalize_lebs: true }).buffer;
  } finally {
    module.destroy();
  }
}

async function main(): Promise<void> {
  for (const name of KERNELS) {
    const file = path.join(KERNEL_DIR, `${name}.wasm`);
    const bytes = await assemble(name);
    writeFileSync(file, bytes);
    console.log(`${path.relative(process.cwd(), file)}: ${bytes.length} bytes`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
