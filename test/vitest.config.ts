import { defineConfig } from 'vitest/config'

// One project per runtime, as Hono does: pure maths, Node server, workerd, browser.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'reports', include: ['test/reports/**/*.test.ts'], root: '.' } },
      { test: { name: 'client', include: ['test/client/**/*.test.ts'], root: '.' } },
      { test: { name: 'surveys', include: ['test/surveys/**/*.test.ts'], root: '.' } },
      // CLI tests spawn tsx processes: seconds each on a busy 2-core machine.
      {
        test: {
          name: 'server',
          include: ['test/server/**/*.test.ts'],
          root: '.',
          testTimeout: 30_000,
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
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
