import { describe, expect, it } from "vitest";
import { ja } from "@/lib/i18n/ja";
import { auditActions } from "./actions";
import { describeAuditActor, describeAuditDetails, describeAuditTarget, labelAuditAction } from "./describe-audit-entry";

const staffId = "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f";
const consultationId = "0b1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f";
const names = { staff: new Map([[staffId, "相談 花子"]]), consultations: new Map([[consultationId, "あおぞら7"]]) };

describe("the audit log in words", () => {
  it("has a Japanese name for every action the product writes", () => {
    const missing = auditActions.filter((action) => !ja.audit.actions[action]);
    expect(missing).toEqual([]);
    const unused = Object.keys(ja.audit.actions).filter((action) => !(auditActions as readonly string[]).includes(action));
    expect(unused).toEqual([]);
    expect(labelAuditAction("consultation.claimed")).toBe("相談の担当");
  });

  it("names the actor by display name, and the system's own actors in words", () => {
    expect(describeAuditActor({ actorId: staffId, actorLogin: "hanako" }, names)).toBe("相談 花子");
    expect(describeAuditActor({ actorId: null, actorLogin: "system" }, names)).toBe("システム（自動）");
    expect(describeAuditActor({ actorId: null, actorLogin: "command line" }, names)).toBe("サーバーの管理コマンド");
    expect(describeAuditActor({ actorId: null, actorLogin: "typed-login" }, names)).toBe("typed-login");
  });

  it("describes targets by pseudonym and name, never by id", () => {
    expect(describeAuditTarget(`consultation:${consultationId}`, names)).toBe("相談（あおぞら7）");
    expect(describeAuditTarget(`staff:${staffId}`, names)).toBe("スタッフ（相談 花子）");
    expect(describeAuditTarget("consultation:9b1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f", names)).toBe("相談（保存期間を過ぎて削除済み）");
    expect(describeAuditTarget("emergency:9b1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f", names)).toBe("緊急対応");
    expect(describeAuditTarget("form:record:3", names)).toBe("入力フォーム（版 3）");
    expect(describeAuditTarget("something_new:1", names)).toBe("その他");
    expect(describeAuditTarget(null, names)).toBe("—");
  });

  it("shows details as Japanese lines: codes in words, ids as names, internal ids and unnamed fields left out", () => {
    const lines = describeAuditDetails(
      {
        reason: "wrong_password",
        from: staffId,
        to: "queue",
        consultationId,
        safetyPlanVersionId: "1b1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f",
        active: true,
        bytes: 12345,
        grantsEnded: ["records.inspect"],
        counts: { messages: 3, audit_log: 2 },
        until: "2026-04-01T03:00:00.000Z",
        somethingNew: "x",
      },
      names,
    );
    expect(lines).toEqual([
      { label: "理由", value: "パスワードの誤り" },
      { label: "変更前・引き継ぎ元", value: "相談 花子" },
      { label: "変更後・引き継ぎ先", value: "待ち行列" },
      { label: "相談", value: "あおぞら7" },
      { label: "有効", value: "はい" },
      { label: "ファイルの大きさ（バイト）", value: "12,345" },
      { label: "終了した個別の権限", value: "記録の閲覧" },
      { label: "削除した件数", value: "監査ログ 2" },
      { label: "ロックの期限", value: "2026/04/01 12:00:00" },
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
  });
});
