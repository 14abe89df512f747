#!/usr/bin/env -S node --max-old-space-size=96
// The heap cap makes V8 collect early: imports and exports stream, so they fit whatever the
// file size, and the whole process stays under ~200 MB instead of growing with lazy GC.
// The CLI is TypeScript run through tsx, so `npx csi` works straight from a checkout.
import { register } from 'tsx/esm/api'

register()
await import('./main.ts')
