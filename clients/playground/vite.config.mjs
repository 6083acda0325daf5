import { defineConfig } from 'vite';

// Built into dist/ and served by the BFF at /playground (Bff:Playground:Path). No CDN: every asset,
// Monaco's workers included, is bundled.
export default defineConfig({
  base: '/playground/',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 6000,
    rollupOptions: {
      // GraphiQL's dependencies mark modules "use client" (a React Server Components hint): meaningless
      // in this client-only bundle, and reported once per module, it buried the build's real output.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use client"')) return;
        warn(warning);
      },
    },
  },
  worker: { format: 'es' },
});
