import react from '@vitejs/plugin-react'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import { defineConfig, type Plugin, type Rollup } from 'vite'

const root = import.meta.dirname
const outDir = resolve(root, 'dist')

/**
 * The respondent page loads the survey (survey-core, its CSS) through a dynamic import so the
 * CSS does not block the shell's first paint; these links start both downloads as the HTML is
 * parsed instead of after the entry chunk has run.
 */
function preloadSurveyChunk(): Plugin {
  return {
    name: 'csi-preload-survey-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle || !ctx.chunk || !ctx.filename.endsWith('respond.html')) return
        const { js, css } = dynamicDeps(ctx.bundle, ctx.chunk)
        const base = '/'
        return [
          ...css.map((f) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'style', crossorigin: '', href: base + f },
            injectTo: 'head' as const,
          })),
          // modulepreload, not preload: Chromium compiles it off the main thread as it streams
          // in (a plain preload leaves a ~40 ms compile on the main thread at import time).
          ...js.map((f) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: '', href: base + f },
            injectTo: 'head' as const,
          })),
        ]
      },
    },
  }
}

/** Files the entry's dynamic imports need, beyond what the entry itself already loads. */
function dynamicDeps(bundle: Rollup.OutputBundle, entry: Rollup.OutputChunk) {
  const loaded = new Set<string>()
  const walk = (name: string, into: Set<string>) => {
    const chunk = bundle[name]
    if (!chunk || chunk.type !== 'chunk' || into.has(name)) return
    into.add(name)
    for (const dep of chunk.imports) walk(dep, into)
  }
  walk(entry.fileName, loaded)
  const js = new Set<string>()
  // A page loads only its own language's translation (client/respond/translations.ts).
  for (const name of entry.dynamicImports) if (!isTranslation(bundle[name])) walk(name, js)
  const css = new Set<string>()
  for (const name of js) {
    const chunk = bundle[name] as Rollup.OutputChunk & {
      viteMetadata?: { importedCss: Set<string> }
    }
    for (const f of chunk.viteMetadata?.importedCss ?? []) css.add(f)
  }
  return { js: [...js].filter((f) => !loaded.has(f)), css: [...css] }
}

const translationModule = /node_modules[\\/]survey-core[\\/]fesm[\\/]i18n[\\/]/

function isTranslation(chunk: Rollup.OutputBundle[string] | undefined) {
  return chunk?.type === 'chunk' && translationModule.test(chunk.facadeModuleId ?? '')
}

/**
 * Hashed assets are written beside a brotli (.br) and a gzip (.gz) copy at the highest levels:
 * compressed once at build, not per request. server/node/assets.ts serves them; Workers'
 * assets compress on their own, so .assetsignore keeps the copies out of the upload.
 */
function precompress(): Plugin {
  const br = promisify(brotliCompress)
  const gz = promisify(gzip)
  return {
    name: 'csi-precompress',
    apply: 'build',
    async closeBundle() {
      const dir = join(outDir, 'assets')
      const files = (await readdir(dir)).filter((f) => /\.(js|css|svg|json)$/.test(f))
      await Promise.all(
        files.map(async (f) => {
          const body = await readFile(join(dir, f))
          if (body.length < 1024) return
          const params = {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
          }
          await writeFile(join(dir, `${f}.br`), await br(body, { params }))
          await writeFile(join(dir, `${f}.gz`), await gz(body, { level: 9 }))
        }),
      )
      await writeFile(join(outDir, '.assetsignore'), '*.br\n*.gz\n')
    },
  }
}

// Two pages, two entry chunks: respondents never download dashboard or chart code.
export default defineConfig({
  root,
  plugins: [react(), preloadSurveyChunk(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    // survey-core alone is ~1.5 MB minified (~350 KB gzipped) and does not tree-shake.
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        respond: resolve(root, 'respond.html'),
        index: resolve(root, 'index.html'),
      },
      output: {
        codeSplitting: {
          groups: [
            // Not the translations: each stays a chunk of its own, loaded for its language only.
            {
              name: 'survey-core',
              test: /node_modules[\\/]survey-(core|react-ui)[\\/](?!fesm[\\/]i18n[\\/])/,
            },
            // Higher priority, or react would go into the survey-core chunk with its importers.
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:8787', '/s/': 'http://localhost:8787' } },
})
