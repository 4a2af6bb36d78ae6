import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseSync } from "rolldown/utils";
import { describe, expect, it } from "vitest";

// The layout rules of DESIGN.md, checked on the code as it is: pages never reach the query
// modules, and no file or function grows past what a newcomer can read in one sitting.
const root = path.resolve(import.meta.dirname, "../..");
const codeFolders = ["app", "components", "db", "lib", "scripts"];
const MAX_FILE_LINES = 300;
const MAX_FUNCTION_LINES = 80;

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" })
    .filter((name) => /\.tsx?$/.test(name) && !name.endsWith(".d.ts"))
    .map((name) => path.join(folder, name));
}

const files = [...codeFolders.flatMap(sourceFiles), "proxy.ts", "instrumentation.ts"];
const text = (file: string) => readFileSync(path.join(root, file), "utf8");

// TypeScript 7 has no JavaScript API; Vite's own parser (oxc, through rolldown) reads TSX.
function longFunctions(file: string): string[] {
  const code = text(file);
  const lineAt = (offset: number) => code.slice(0, offset).split("\n").length;
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!node || typeof node !== "object") return;
    const { type, start, end } = node as { type?: string; start: number; end: number };
    if (type && /^(FunctionDeclaration|FunctionExpression|ArrowFunctionExpression)$/.test(type)) {
      const lines = lineAt(end) - lineAt(start) + 1;
      if (lines > MAX_FUNCTION_LINES) found.push(`${file}:${lineAt(start)} (${lines} lines)`);
    }
    for (const [key, value] of Object.entries(node)) if (key !== "parent") visit(value);
  };
  visit(parseSync(file, code).program);
  return found;
}

describe("code layout", () => {
  it("finds the code it checks", () => {
    expect(files.length).toBeGreaterThan(150);
    expect(files).toContain(path.join("app", "layout.tsx"));
  });

  it("no file under app/ imports a query module: pages read through lib's read side", () => {
    const offenders = files.filter(
      (file) => file.startsWith(`app${path.sep}`) && /from "@\/db\/queries/.test(text(file)),
    );
    expect(offenders).toEqual([]);
  });

  it("lib's folders depend on each other one way: no cycle between them", () => {
    const folderOf = (file: string) => file.split(path.sep)[1] ?? "";
    const edges = new Map<string, Set<string>>();
    for (const file of files.filter(
      (f) => f.startsWith(`lib${path.sep}`) && f.split(path.sep).length > 2,
    )) {
      for (const [, target] of text(file).matchAll(/from "@\/lib\/([\w-]+)\//g)) {
        if (target !== folderOf(file))
          edges.set(folderOf(file), (edges.get(folderOf(file)) ?? new Set()).add(target as string));
      }
    }
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
      [...(edges.get(from) ?? [])].some(
        (next) => next === to || (!seen.has(next) && reaches(next, to, seen.add(next))),
      );
    const cycles = [...edges].flatMap(([from, targets]) =>
      [...targets].filter((to) => reaches(to, from)).map((to) => `${from} <-> ${to}`),
    );
    expect(edges.size).toBeGreaterThan(3);
    expect(cycles).toEqual([]);
  });

  it(`no file is over ${MAX_FILE_LINES} lines`, () => {
    const long = files
      .map((file) => ({ file, lines: text(file).split("\n").length }))
      .filter(({ lines }) => lines > MAX_FILE_LINES)
      .map(({ file, lines }) => `${file} (${lines} lines)`);
    expect(long).toEqual([]);
  });

  it(`no function is over ${MAX_FUNCTION_LINES} lines`, () => {
    expect(files.flatMap(longFunctions)).toEqual([]);
  });
});
