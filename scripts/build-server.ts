/**
 * Part of `npm run build`, after the Remix build: bundles server.ts and the
 * app/server modules it imports into build/serve.js, so that `npm run serve`
 * runs plain `node` in production. Running the TypeScript through tsx kept
 * its loader (a second V8 heap with the translated sources) in the server
 * process: 60–100 MB of the memory budget (ADR 015). Packages stay external:
 * node_modules is there at run time.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

await build({
  entryPoints: [path.join(root, "server.ts")],
  outfile: path.join(root, "build/serve.js"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
  // The same aliases as tsconfig and Vite: ~/ is app/, #db/ is db/.
  alias: { "~": path.join(root, "app"), "#db": path.join(root, "db") },
});
console.log("build/serve.js: the production server");
