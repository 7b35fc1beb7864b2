// `npm run lesson`: turns on Node's on-disk compile cache (compiled code, and the stripped
// TypeScript, of the runner and its packages are kept between runs), then starts the CLI.
// A static import would be loaded before the cache is on, hence the dynamic one.
import { enableCompileCache } from "node:module";

enableCompileCache();
await import("./main.ts");
