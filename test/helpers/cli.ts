import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { run } from '../../server/cli/main'

export type CliResult = { code: number; stdout: string; stderr: string }

/** `csi <args…>` in this process with its output captured, as the bin would run it. */
export async function runCsi(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
): Promise<CliResult> {
  let stdout = ''
  let stderr = ''
  const code = await run(args, {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    env,
  })
  return { code, stdout, stderr }
}

/** `csi` bound to a fresh database file and PUBLIC_URL. */
export function csiWithDatabase(env: Record<string, string> = {}) {
  const vars = {
    DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'csi-cli-')), 'csi.db'),
    PUBLIC_URL: 'https://survey.example.com',
    ...env,
  }
  return Object.assign((...args: string[]) => runCsi(args, vars), { env: vars })
}
