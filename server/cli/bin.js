#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so `npx csi` works straight from a checkout.
import { register } from 'tsx/esm/api'

register()
await import('./main.ts')
