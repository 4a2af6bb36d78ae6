// npm run token -- --user EMAIL [--name NAME]
// Makes an API token for that reader and prints its secret (the only time it is shown).
import "./server-only-hook";
import { parseArgs } from "node:util";
import { runCli } from "./cli";

await runCli(async () => {
  const { values } = parseArgs({
    options: { user: { type: "string" }, name: { type: "string", default: "command line" } },
  });
  if (!values.user) throw new Error("say whose token: npm run token -- --user EMAIL [--name NAME]");
  const { createApiTokenFor } = await import("@/lib/api-tokens");
  const { AppError } = await import("@/lib/errors");
  const made = await createApiTokenFor({ email: values.user, name: values.name }).catch((error) => {
    if (!(error instanceof AppError)) throw error;
    console.error(`podbrief: ${error.message}`);
    process.exitCode = 1;
    return null;
  });
  if (!made) return;
  const { secret, token } = made;
  console.error(`token “${token.name}” made for ${values.user}; it is not shown again:`);
  console.info(secret);
});
