import { registerHooks } from "node:module";

// For CLIs that render email (React Email needs react-dom/server, which refuses to load under
// --conditions=react-server): run them without that condition, and resolve the server-only
// guard (meant for bundles; vitest.config.ts does the same) to an empty module. Import first.
registerHooks({
  resolve: (specifier, context, next) =>
    specifier === "server-only"
      ? { url: "data:text/javascript,", shortCircuit: true }
      : next(specifier, context),
});
