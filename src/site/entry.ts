// `npm run docs`: turns on Node's on-disk compile cache, then starts the site's command
// (as src/cli/entry.ts does for `npm run lesson`; a static import would load first).
import { enableCompileCache } from "node:module";

enableCompileCache();
await import("./cli.ts");
