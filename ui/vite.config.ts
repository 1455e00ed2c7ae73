import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";

export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  // The article stylesheet lives in ../assets so export can embed the same file.
  server: { port: 1420, strictPort: true, fs: { allow: [".."] } },
  // One local bundle; CodeMirror's Markdown grammar embeds HTML/CSS/JS grammars.
  build: { outDir: "dist", emptyOutDir: true, target: "safari16", sourcemap: false, chunkSizeWarningLimit: 2000 },
  test: { include: ["src/**/*.test.ts"], environment: "node" },
});
