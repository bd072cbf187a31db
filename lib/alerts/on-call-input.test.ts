import { expect, it } from "vitest";
import { onCallInputSchema } from "./on-call-input";

function errors(input: Record<string, string>) {
  const result = onCallInputSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
}

it("reads the times as Japan time and the address in lower case", () => {
  expect(onCallInputSchema.parse({ name: "田中", email: " Tanaka@City.example.jp ", startsAt: "2024-12-05T20:00", endsAt: "2024-12-06T00:00" })).toEqual({
    name: "田中",
    email: "tanaka@city.example.jp",
    startsAt: new Date("2024-12-05T11:00:00Z"),
    endsAt: new Date("2024-12-05T15:00:00Z"),
  });
});

it("answers bad input with Japanese messages per field", () => {
  expect(errors({ name: "", email: "tanaka@", startsAt: "2024-12-05T20:00", endsAt: "2024-12-05T19:00" })).toEqual({
    name: "名前を入力してください。",
    email: "メールアドレスの形が正しくありません（例：tanaka@city.example.jp）。",
    endsAt: "終了は開始より後の日時にしてください。",
  });
  expect(errors({ name: "田中", email: "tanaka@city.example.jp", startsAt: "2024-12-05T20:00", endsAt: "2024-12-05T19:00" })).toEqual({ endsAt: "終了は開始より後の日時にしてください。" });
  expect(errors({ name: "田中", email: "tanaka@city.example.jp", startsAt: "", endsAt: "2024-12-05T19:00" })).toEqual({ startsAt: "開始の日時を入力してください。" });
});
