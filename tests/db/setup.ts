import { afterAll, beforeAll, beforeEach } from "vitest";
import { closeDb, migrateDb } from "@/db/client";
import { resetDb } from "./reset";

beforeAll(async () => {
  await migrateDb();
});

beforeEach(async () => {
  await resetDb();
});

afterAll(async () => {
  await closeDb();
});
