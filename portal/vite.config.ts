import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by pactum-gateway under /portal/ (its `portal_dir` is this project's dist/).
export default defineConfig({
  base: '/portal/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The gateway's Content-Security-Policy allows no inline script or style.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'es2022',
  },
});
