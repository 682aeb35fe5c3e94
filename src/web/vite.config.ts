// Builds the map page into dist/web (npm run web:build). Paths are relative to the project root,
// where npm runs scripts. Assets go under /app/ because /assets/ belongs to the GraphiQL page.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src/web',
  base: '/',
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    assetsDir: 'app',
    chunkSizeWarningLimit: 1000,
  },
});
