// The seller centre's first lines: orders waiting (orders.test.ts), products that cannot go live,
// and marketplace shops whose connection lapses soon.
import { describe, expect, it } from "vitest";
import { accountsExpiringSoon, marketplaceId, markAccountExpired, upsertAccount } from "~/marketplaces/accounts.server";
import { encryptCredentials } from "~/marketplaces/credentials.server";
import { makeProducer } from "../../scripts/fixtures/workspace";

const NOW = new Date("2026-11-20T03:00:00.000Z");
const inDays = (d: number) => new Date(NOW.getTime() + d * 86_400_000).toISOString();

describe("marketplace shops to connect again", () => {
  it("counts shops expired or whose refresh token lapses within a week, not an access token the worker renews", async () => {
    const { producerId } = await makeProducer("HTX Sàn");
    const connect = (code: "shopee" | "lazada" | "tiki" | "tiktok" | "postmart", credentials: object | null, tokenExpiresAt: string | null) =>
      upsertAccount(producerId, marketplaceId(code), {
        shopId: code,
        shopName: "",
        credentialsEncrypted: credentials ? encryptCredentials(credentials) : null,
        tokenExpiresAt,
      });
    expect(accountsExpiringSoon(producerId, NOW)).toBe(0);
    // Access token expires in an hour, refresh token in 30 days: fine.
    connect("shopee", { accessToken: "a", refreshToken: "r", accessExpiresAt: inDays(0.04), refreshExpiresAt: inDays(30) }, inDays(0.04));
    expect(accountsExpiringSoon(producerId, NOW)).toBe(0);
    // Refresh token lapses in 3 days: counted.
    connect("lazada", { accessToken: "a", refreshToken: "r", accessExpiresAt: inDays(0.04), refreshExpiresAt: inDays(3) }, inDays(0.04));
    expect(accountsExpiringSoon(producerId, NOW)).toBe(1);
    // No refresh token: the access token's expiry is the connection's.
    connect("tiki", { accessToken: "a" }, inDays(2));
    expect(accountsExpiringSoon(producerId, NOW)).toBe(2);
    // Already expired: counted; a file marketplace has no tokens to lapse.
    const tiktok = connect("tiktok", { accessToken: "a", refreshToken: "r", refreshExpiresAt: inDays(90) }, null);
    markAccountExpired(tiktok);
    connect("postmart", null, null);
    expect(accountsExpiringSoon(producerId, NOW)).toBe(3);
    expect(accountsExpiringSoon(producerId, NOW, 2)).toBe(2);
  });
});
