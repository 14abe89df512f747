import { defineConfig } from 'vitest/config'

// Tests that spawn `csi` or `npm start`: the `server-e2e` project, out of `npm run test:fast`.
const serverE2e = [
  'test/server/**/*.e2e.test.ts',
  'test/server/distribution/distribution.test.ts',
  'test/server/follow-ups/closing-the-loop.test.ts',
]
// The spawned bin and server run the bundle in server/dist: rebuilt first if a source changed.
const buildServer = 'test/helpers/build-server.ts'

// One project per runtime, as Hono does: pure maths, Node server, workerd, browser.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'reports', include: ['test/reports/**/*.test.ts'], root: '.' } },
      { test: { name: 'client', include: ['test/client/**/*.test.ts'], root: '.' } },
      { test: { name: 'surveys', include: ['test/surveys/**/*.test.ts'], root: '.' } },
      {
        test: {
          name: 'server',
          include: ['test/server/**/*.test.ts'],
          exclude: serverE2e,
          root: '.',
          testTimeout: 30_000,
        },
      },
      // Child processes take seconds each on a busy 2-core machine.
      {
        test: {
          name: 'server-e2e',
          include: serverE2e,
          root: '.',
          testTimeout: 30_000,
          globalSetup: buildServer,
        },
      },
      {
        test: {
          name: 'workers',
          include: ['test/workers/**/*.test.ts'],
          root: '.',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          root: '.',
          globalSetup: buildServer,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
