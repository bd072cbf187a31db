import { handoverTables } from "./tables";
import type { BundleTable } from "./schema-tables";
import { checksumFile, manifestFile } from "./manifest";

/** The bundle's README, in Japanese: what every file and every field is, so the bundle reads without Soudan. */
export function renderReadme(tables: BundleTable[], rows: Map<string, number>, facts: { exportedAt: string; schemaVersion: string; auditHead: { seq: number; hash: string } }): string {
  const lines = [
    "# Soudan 引き継ぎデータ",
    "",
    `書き出した日時: ${facts.exportedAt} (UTC) / スキーマの版: ${facts.schemaVersion} / 監査ログの最後の行: ${facts.auditHead.seq} (hash ${facts.auditHead.hash})`,
    "",
    "契約の終わりに、相談窓口のすべての記録を次の運営者または市に引き継ぐためのデータです。個人情報と相談の内容を含みます。鍵のかかる場所で保管し、不要になったら確実に廃棄してください。",
    "",
    "## ファイルの形式",
    "",
    "- 表ごとに 2 つのファイルがあります。`<表の名前>.jsonl` (JSON Lines: 1 行に 1 件の JSON、UTF-8) と `<表の名前>.csv` (CSV: UTF-8 の BOM 付き、1 行目は項目名、Excel で開けます)。中身は同じです。",
    "- 日時はすべて ISO 8601 の UTC (例 2024-08-03T10:15:00.000Z) です。日本時間は 9 時間足します。",
    "- 空欄 (JSON では null) は「値なし」です。CSV では配列と JSON の値を JSON の文字列で書いています。",
    "- CSV では、= + - @ タブ 改行(CR) で始まる値の先頭に ' を付けています (Excel が式として実行しないため)。JSON Lines の値はそのままです。",
    "- 暗号化して保存していた項目 (相談のメッセージ、メモ、相談記録の文章など) は、復号した文章で書き出しています。",
    "- 項目の値が別の表の id を指すときは、説明に「(表の名前.id)」と書いています。",
    "",
    "## 確かめ方",
    "",
    `- \`${manifestFile}\`: すべてのファイルの SHA-256、件数、スキーマの版、書き出した日時、監査ログの最後の行 (seq と hash) の一覧です。`,
    `- \`${checksumFile}\`: \`sha256sum -c ${checksumFile}\` で、すべてのファイル (${manifestFile} を含む) が書き出したときのままか確かめられます。`,
    "- 監査ログ (audit_log) は各行の hash が前の行の hash を含む鎖になっています。Soudan に取り込むと `npm run audit:verify` で確かめられます。",
    "",
    "## Soudan への取り込み",
    "",
    "新しく用意した空の Soudan で `npm run handover -- import <このフォルダ>` を実行します。ファイルが改ざんされていれば取り込みません。暗号化されたデータ (`*.age`) は先に `npm run handover -- decrypt` (または age コマンド) で復号します。",
    "",
    "## ファイルと項目",
    "",
  ];
  for (const table of tables) {
    lines.push(`### ${table.name}.jsonl / ${table.name}.csv (${rows.get(table.name) ?? 0} 件)`, "", table.spec.title, "", "| 項目 | 説明 |", "| --- | --- |");
    for (const column of table.columns) lines.push(`| ${column.field} | ${table.spec.fields[column.field]} |`);
    const omitted = Object.entries(table.spec.omitted ?? {});
    if (omitted.length > 0) lines.push("", "書き出していない項目:", "", ...omitted.map(([name, why]) => `- ${name}: ${why}`));
    lines.push("");
  }
  lines.push("## 引き継がない表", "", "次の表は、秘密情報か一時的な値のため書き出していません。", "");
  for (const [name, spec] of Object.entries(handoverTables)) if (spec.kind === "excluded") lines.push(`- ${name}: ${spec.reason}`);
  lines.push("");
  return lines.join("\n");
}
