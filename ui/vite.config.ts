import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The Tauri app embeds dist/ and loads it from its own origin: relative asset
// paths, a fixed dev port that tauri.conf.json points at, and no inline scripts
// (the CSP forbids them).
export default defineConfig({
  base: "./",
  plugins: [react()],
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
  },
  build: {
    outDir: "dist",
    target: "es2022",
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
  },
});
