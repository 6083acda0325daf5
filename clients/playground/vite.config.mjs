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
  },
  worker: { format: 'es' },
});
