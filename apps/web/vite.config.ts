import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

const contracts = fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url));

// The API (apps/api) listens on :3000 in development; the built app is served by the API itself,
// so /api is always same-origin and the SameSite=Strict session cookie travels with every call.
const apiProxy: Record<string, ProxyOptions> = {
  '/api': { target: process.env.API_URL ?? 'http://localhost:3000', changeOrigin: false },
};

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@app/contracts': contracts },
  },
  server: { port: 5173, proxy: apiProxy },
  preview: { port: 4173, proxy: apiProxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
});
