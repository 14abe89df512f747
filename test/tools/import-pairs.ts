// Prints server/ folder-level imports: every pair "a -> b (files)", then the pairs that run both ways.
// Run: npx tsx test/tools/import-pairs.ts
import { importEdges, mutualFolderPairs, serverFolder } from '../helpers/import-graph'
import { repoRoot } from '../helpers/repo-root'

const edges = importEdges(repoRoot, 'server').filter((e) => e.to.startsWith('server/'))
const counts = new Map<string, number>()
for (const e of edges) {
  const pair = `${serverFolder(e.from)} -> ${serverFolder(e.to)}`
  if (!pair.startsWith(`${serverFolder(e.to)} ->`) || serverFolder(e.from) !== serverFolder(e.to))
    counts.set(pair, (counts.get(pair) ?? 0) + 1)
}
for (const [pair, n] of [...counts].sort()) {
  const [a, b] = pair.split(' -> ')
  if (a !== b) console.log(`${pair} (${n})`)
}
const mutual = mutualFolderPairs(edges)
console.log(`\nmutual folder pairs: ${mutual.length}`)
for (const p of mutual) console.log(`  ${p}`)
