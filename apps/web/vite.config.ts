import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

const lib = (name: string) => fileURLToPath(new URL(`../../libs/${name}/src/index.ts`, import.meta.url));

// The API (apps/api) listens on :3000 in development; the built app is served by the API itself,
// so /api is always same-origin and the SameSite=Strict session cookie travels with every call.
const apiProxy: Record<string, ProxyOptions> = {
  '/api': { target: process.env.API_URL ?? 'http://localhost:3000', changeOrigin: false },
};

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Contracts and charts import scoring *types* only; nothing of libs/scoring's code reaches the bundle.
    alias: {
      '@app/contracts': lib('contracts'),
      '@app/scoring': lib('scoring'),
      '@app/charts': lib('charts'),
      '@app/periods': lib('periods'),
    },
  },
  server: { port: 5173, proxy: apiProxy },
  preview: { port: 4173, proxy: apiProxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
});
