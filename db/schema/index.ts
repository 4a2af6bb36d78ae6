export * from "./auth";
export * from "./briefs";
export * from "./catalog";
export * from "./insights";
export * from "./readers";
