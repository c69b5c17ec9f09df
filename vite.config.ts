import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

const root = import.meta.dirname;

// `vite build --mode lib` builds the npm library (React and friends external);
// `vite build --mode app` builds the pages served by `npm start` (demo, embed page).
export default defineConfig(({ mode }) => {
  if (mode === 'lib') {
    return {
      plugins: [react()],
      publicDir: false,
      build: {
        outDir: 'dist/lib',
        emptyOutDir: true,
        sourcemap: true,
        lib: {
          entry: { index: resolve(root, 'src/index.ts') },
          formats: ['es'],
          cssFileName: 'connect-widget',
        },
        rollupOptions: {
          external: [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\//, /^react-hook-form($|\/)/],
        },
      },
    };
  }
  return {
    plugins: [react()],
    build: {
      outDir: 'dist/app',
      emptyOutDir: true,
      rollupOptions: {
        input: {
          index: resolve(root, 'index.html'),
        },
      },
    },
    server: { port: Number(process.env.PORT ?? 5173) },
  };
});
