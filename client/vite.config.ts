import react from '@vitejs/plugin-react'
import { resolve } from 'node:path'
import { defineConfig } from 'vite'

const root = import.meta.dirname

// Two pages, two entry chunks: respondents never download dashboard or chart code.
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    // survey-core alone is ~1.5 MB minified (~350 KB gzipped) and does not tree-shake.
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        respond: resolve(root, 'respond.html'),
        index: resolve(root, 'index.html'),
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:8787', '/s/': 'http://localhost:8787' } },
})
