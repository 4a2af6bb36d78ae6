// npm run demo:files — writes the demo feeds and transcripts (lib/demo/feeds) from lib/demo/catalog.ts.
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { demoCatalog } from "@/lib/demo/catalog";
import { DEMO_FEEDS_DIR, renderDemoFiles } from "@/lib/demo/render";

await rm(DEMO_FEEDS_DIR, { recursive: true, force: true });
for (const file of renderDemoFiles(demoCatalog)) {
  const target = path.join(DEMO_FEEDS_DIR, file.path);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, file.content);
}
console.info(`wrote the demo feeds to ${path.relative(process.cwd(), DEMO_FEEDS_DIR)}`);
