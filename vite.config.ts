import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { sandboxPlugin } from './server/vite-sandbox';
import { deploymentConfig, embedConfigPlugin } from './server/embed-config';
import { parseConfig } from './server/config';

const root = import.meta.dirname;

// `vite build --mode lib` builds the npm library (React and friends external);
// `vite build --mode app` builds the pages served by `npm start` (demo, embed page);
// `vite build --mode sdk` then adds the host SDK, `/connect.js`, a plain script (IIFE) beside them.
export default defineConfig(({ mode }) => {
  if (mode === 'sdk') {
    return {
      publicDir: false,
      build: {
        outDir: 'dist/app',
        emptyOutDir: false,
        lib: {
          entry: resolve(root, 'src/embed/sdk/connect.ts'),
          formats: ['iife'],
          name: 'ConnectWidgetSdk',
          fileName: () => 'connect.js',
        },
      },
    };
  }
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
    // The sandbox answers /v3 in `npm run dev` and `vite preview`, as it does behind `npm start`.
    plugins: [react(), sandboxPlugin(), embedConfigPlugin(() => deploymentConfig(parseConfig(process.env)))],
    build: {
      outDir: 'dist/app',
      emptyOutDir: true,
      rollupOptions: {
        input: {
          index: resolve(root, 'index.html'),
          embed: resolve(root, 'embed.html'),
        },
      },
    },
    server: { port: Number(process.env.PORT ?? 5173) },
  };
});
