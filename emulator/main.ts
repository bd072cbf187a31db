import { createEmulator } from "./server";

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`[emulator] ${name} must be set (the app must be started with the same value).`);
    process.exit(1);
  }
  return value;
}

const emulator = await createEmulator({
  port: Number(process.env.EMULATOR_PORT ?? 3100),
  host: process.env.EMULATOR_HOST ?? "127.0.0.1",
  channelSecret: required("LINE_CHANNEL_SECRET"),
  channelAccessToken: required("LINE_CHANNEL_ACCESS_TOKEN"),
  loginChannelId: required("LINE_LOGIN_CHANNEL_ID"),
  webhookUrl: process.env.EMULATOR_WEBHOOK_URL ?? "http://127.0.0.1:3000/api/line/webhook",
  liffId: process.env.LIFF_ID || undefined,
  liffUrl: process.env.LIFF_URL || undefined,
  monthlyLimit: process.env.EMULATOR_MONTHLY_LIMIT ? Number(process.env.EMULATOR_MONTHLY_LIMIT) : undefined,
});

console.log(`[emulator] LINE platform emulator listening on ${emulator.url}`);
console.log(`[emulator] phone: ${emulator.url}/  — point LINE_API_BASE_URL and LINE_DATA_API_BASE_URL at ${emulator.url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
}
