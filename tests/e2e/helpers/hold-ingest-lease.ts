// Takes the ingest lease in its own process and keeps it until killed, as a writer that dies would.
import { IngestLease } from "../../../src/index/ingest-lease.ts";
import { openDatabase } from "../../../src/index/sqlite-database.ts";

const [file] = process.argv.slice(2);
if (!file) throw new Error("usage: hold-ingest-lease DATABASE");
await IngestLease.acquire(openDatabase(file));
process.stdout.write("held\n");
setInterval(() => {}, 60_000);
