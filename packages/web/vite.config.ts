import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const SERVER = 'http://127.0.0.1:3000';
/** Paths the Rapport server answers; everything else is the app's own routes. */
const SERVER_PATHS = [
  '/api',
  '/oauth/token',
  '/oauth/revoke',
  '/media',
  '/avatars',
  '/headers',
  '/health',
  '/.well-known',
];

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The polyfill is an inline script, which the server's Content-Security-Policy refuses.
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: {
      ...Object.fromEntries(
        SERVER_PATHS.map((path) => [path, { target: SERVER, changeOrigin: false, ws: true }]),
      ),
      // The consent page is the app's (GET); the decision is the server's (POST).
      '/oauth/authorize': {
        target: SERVER,
        bypass: (request) => (request.method === 'GET' ? request.url : undefined),
      },
    },
  },
});
