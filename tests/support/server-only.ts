// Stands in for the "server-only" guard package outside Next.js bundles.
export {};
