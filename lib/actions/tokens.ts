import { z } from "zod";
import { readerAction } from "@/lib/actions/reader-action";
import { createApiToken, revokeToken } from "@/lib/api-tokens";
import { typedText } from "@/lib/typed-text";

// The reader's API tokens (lib/api-tokens): made with a name, revoked by id. The secret is in
// the answer of createTokenAction and nowhere else; the page shows it once.

export const createTokenAction = readerAction(
  "making the token",
  z.object({
    name: typedText(200, "a token name is at most 60 characters").pipe(
      z.string().min(1, "a token needs a name").max(60, "a token name is at most 60 characters"),
    ),
  }),
  async ({ name }, reader) => createApiToken({ userId: reader.id, name }),
);

export const revokeTokenAction = readerAction(
  "revoking the token",
  z.object({ tokenId: z.uuid() }),
  async ({ tokenId }, reader) => {
    await revokeToken({ userId: reader.id, id: tokenId });
    return { tokenId };
  },
);
