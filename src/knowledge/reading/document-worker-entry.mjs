// Entry of the reading worker. Worker threads do not inherit tsx's module hooks from the main
// thread (privatenumber/tsx#354), so the worker registers them before loading the TypeScript.
import { register } from "tsx/esm/api";

register();
await import("./document-worker.ts");
